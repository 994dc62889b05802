// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.verdict.Finding;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list client against a real rbldnsd on a loopback port, serving src/test/resources/rbl. */
class DnsBlocklistClientTest {
    @TempDir
    static Path zones;
    static Rbldnsd dns;

    private final AtomicLong nanos = new AtomicLong();
    private final DnsBlocklistClient client = new DnsBlocklistClient(TestZones.settings(dns.address(), Duration.ofSeconds(2),
            TestZones.BLOCKLIST, TestZones.ALLOWLIST, TestZones.DOMAINS), nanos::get);

    @BeforeAll
    static void startDns() throws Exception {
        dns = Rbldnsd.start(zones, TestZones.RBLDNSD_ZONES);
    }

    @AfterAll
    static void stopDns() throws Exception {
        if (dns != null) {
            dns.close();
        }
    }

    private RblAnswer ask(String ip, RblZone zone) throws Exception {
        return client.lookup(QueryName.forAddress(InetAddress.getByName(ip), zone.zone()), zone).join();
    }

    @Test
    void listedAddressAnswersWithItsReturnCode() throws Exception {
        assertThat(ask("192.0.2.1", TestZones.BLOCKLIST)).isEqualTo(new RblAnswer.Listed(List.of(0x7f000002)));
    }

    @Test
    void addressNotOnTheListIsNotListed() throws Exception {
        assertThat(ask("192.0.2.99", TestZones.BLOCKLIST)).isInstanceOf(RblAnswer.NotListed.class);
    }

    @Test
    void refusalCodeIsResolverBlockedAndNeverListed() throws Exception {
        RblAnswer a = ask("192.0.2.66", TestZones.BLOCKLIST);
        assertThat(a).isInstanceOf(RblAnswer.ResolverBlocked.class);
        assertThat(client.counters().get("TESTBL", RblCounters.Outcome.BLOCKED)).isEqualTo(1);
        assertThat(client.counters().get("TESTBL", RblCounters.Outcome.LISTED)).isZero();
        assertThat(new ZoneAnswer(TestZones.BLOCKLIST, "192.0.2.66", a).findings(""))
                .extracting(Finding::symbol, Finding::weight).containsExactly(org.assertj.core.groups.Tuple.tuple("RBL_TESTBL_BLOCKED", 0.0));
    }

    @Test
    void ipv6AddressesAreAskedByReversedNibbles() throws Exception {
        assertThat(ask("2001:db8::1", TestZones.BLOCKLIST)).isInstanceOf(RblAnswer.Listed.class);
        assertThat(ask("2001:db8:bad::25", TestZones.BLOCKLIST)).isInstanceOf(RblAnswer.Listed.class);
        assertThat(ask("2001:db8::2", TestZones.BLOCKLIST)).isInstanceOf(RblAnswer.NotListed.class);
    }

    @Test
    void allowListedClientScoresNegativeWeight() throws Exception {
        List<ZoneAnswer> answers = new IpBlocklist(client, List.of(TestZones.BLOCKLIST, TestZones.ALLOWLIST))
                .start(InetAddress.getByName("192.0.2.10")).await();
        assertThat(answers.stream().flatMap(a -> a.findings("").stream()))
                .extracting(Finding::symbol, Finding::weight).containsExactly(org.assertj.core.groups.Tuple.tuple("RBL_TESTWL", -5.0));
    }

    @Test
    void returnCodeMasksNameTheFinding() throws Exception {
        List<Finding> dynamic = new ZoneAnswer(TestZones.BLOCKLIST, "192.0.2.2", ask("192.0.2.2", TestZones.BLOCKLIST)).findings("");
        assertThat(dynamic).extracting(Finding::symbol, Finding::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RBL_TESTBL_DYNAMIC", 1.5));
    }

    @Test
    void domainListFindsListedDomainsAndWildcardSubdomains() {
        DomainBlocklist lists = new DomainBlocklist(client, List.of(TestZones.DOMAINS));
        List<ZoneAnswer> answers = lists.lookupAll(Set.of("spammer.example", "www.bad.example", "good.example", "refused.example"));
        assertThat(answers).filteredOn(ZoneAnswer::listed).extracting(ZoneAnswer::subject)
                .containsExactlyInAnyOrder("spammer.example", "www.bad.example");
        assertThat(answers).filteredOn(a -> a.answer() instanceof RblAnswer.ResolverBlocked).extracting(ZoneAnswer::subject)
                .containsExactly("refused.example");
        assertThat(lists.findings(Set.of("spammer.example", "www.bad.example"))).extracting(Finding::symbol)
                .containsExactly("URIBL_TESTDBL");
    }

    @Test
    void negativeAnswerIsCachedForTheSoaMinimum() throws Exception {
        String name = QueryName.forAddress(InetAddress.getByName("192.0.2.98"), "bl.test");
        assertThat(client.lookup(name, TestZones.BLOCKLIST).join()).isInstanceOf(RblAnswer.NotListed.class);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(client.isCached(name)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(client.isCached(name)).isFalse();
    }

    @Test
    void listingIsCachedForItsTtl() throws Exception {
        String name = QueryName.forAddress(InetAddress.getByName("192.0.2.1"), "bl.test");
        assertThat(client.lookup(name, TestZones.BLOCKLIST).join()).isInstanceOf(RblAnswer.Listed.class);
        nanos.addAndGet(Duration.ofSeconds(299).toNanos());
        assertThat(client.isCached(name)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(client.isCached(name)).isFalse();
    }
}
