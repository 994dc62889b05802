// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.protocol.Command;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.session.MessageContent;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three RBL filters through one SMTP session each, against a real rbldnsd. */
class RblFiltersTest {
    @TempDir
    static Path zones;
    @TempDir
    Path spool;
    static Rbldnsd dns;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    private final DnsBlocklistClient client = new DnsBlocklistClient(TestZones.settings(dns.address(), Duration.ofSeconds(2),
            TestZones.BLOCKLIST, TestZones.ALLOWLIST, TestZones.DOMAINS), System::nanoTime);
    private final RblSettings lists = TestZones.settings(dns.address(), Duration.ofSeconds(2),
            TestZones.BLOCKLIST, TestZones.ALLOWLIST, new RblZone("TESTDBL", "dbl.test", RblZone.Kind.DOMAIN, 2.5, true,
                    List.of(), java.util.Set.of()));
    private final ClientReputation reputation = new ClientReputation(new IpBlocklist(client, lists.zones()),
            new DomainBlocklist(client, lists.zones()), 100, System::nanoTime);

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

    private FilterContext ctx(Stage stage, String ip, @Nullable Transaction tx, @Nullable String rcpt) {
        ClientInfo c = new ClientInfo("unknown", ip.contains(":") ? Command.Family.SMFIA_INET6 : Command.Family.SMFIA_INET, ip, 4711, "");
        return new FilterContext(stage, "conn-" + ip, c, new Macros(), tx, rcpt, CLOCK);
    }

    private Transaction tx(String sender) {
        return new Transaction(CLOCK.instant(), ReversePath.parse(sender), List.of(), new MessageContent(4096, spool));
    }

    private record Session(FilterResult mail, FilterResult rcpt) {
    }

    private Session session(String ip, String sender, String rcpt) {
        assertThat(new RblConnectFilter(reputation).evaluate(ctx(Stage.CONNECT, ip, null, null))).isEqualTo(FilterResult.PASS);
        try (Transaction t = tx(sender)) {
            FilterResult mail = new RblMailFilter(reputation).evaluate(ctx(Stage.MAIL, ip, t, null));
            FilterResult r = new RblRecipientFilter(reputation, (from, to) -> to.equals("partner-contact@example.org"))
                    .evaluate(ctx(Stage.RCPT, ip, t, rcpt));
            return new Session(mail, r);
        }
    }

    @Test
    void clientOnRejectingListIsRefusedAtEachRecipientNamingTheList() {
        Session s = session("192.0.2.2", "<someone@good.example>", "<alice@example.org>");
        assertThat(s.mail().findings()).extracting(Finding::symbol).containsExactly("RBL_TESTBL_DYNAMIC");
        assertThat(s.rcpt().verdict()).isInstanceOfSatisfying(Verdict.Reject.class, r -> {
            assertThat(r.reply().code()).isEqualTo(550);
            assertThat(r.reply().enhanced()).isEqualTo("5.7.1");
            assertThat(r.reply().text()).contains("bl.test").contains("192.0.2.2");
        });
    }

    @Test
    void postmasterStillReceivesFromAListedClient() {
        assertThat(session("192.0.2.2", "<someone@good.example>", "<postmaster@example.org>").rcpt()).isEqualTo(FilterResult.PASS);
    }

    @Test
    void recipientExemptedByEnvelopePolicyIsNotRefused() {
        assertThat(session("192.0.2.2", "<someone@good.example>", "<partner-contact@example.org>").rcpt()).isEqualTo(FilterResult.PASS);
    }

    @Test
    void allowListedClientIsNotRefusedAndScoresBelowZero() {
        Session s = session("192.0.2.1", "<someone@good.example>", "<alice@example.org>");
        assertThat(s.mail().findings()).extracting(Finding::symbol).containsExactlyInAnyOrder("RBL_TESTBL_SPAM", "RBL_TESTWL");
        assertThat(s.mail().findings().stream().mapToDouble(Finding::weight).sum()).isEqualTo(-1.0);
        assertThat(s.rcpt().verdict()).isEqualTo(Verdict.CONTINUE);
    }

    @Test
    void listedIpv6ClientIsFound() {
        assertThat(session("2001:db8::1", "<a@good.example>", "<alice@example.org>").mail().findings())
                .extracting(Finding::symbol).containsExactly("RBL_TESTBL_SPAM");
    }

    @Test
    void listedSenderDomainIsItsOwnFindingAndRejectsWhenTheListSaysSo() {
        Session s = session("192.0.2.99", "<x@mail.bad.example>", "<alice@example.org>");
        assertThat(s.mail().findings()).extracting(Finding::symbol).containsExactly("URIBL_TESTDBL_SENDER");
        assertThat(s.rcpt().verdict()).isInstanceOfSatisfying(Verdict.Reject.class,
                r -> assertThat(r.reply().text()).contains("sender domain mail.bad.example").contains("dbl.test"));
    }

    @Test
    void cleanClientAndNullSenderGiveNothing() {
        Session s = session("192.0.2.99", "<>", "<alice@example.org>");
        assertThat(s.mail().findings()).isEmpty();
        assertThat(s.rcpt()).isEqualTo(FilterResult.PASS);
    }

    @Test
    void blockedAnswerIsReportedNotListed() {
        Session s = session("192.0.2.66", "<a@good.example>", "<alice@example.org>");
        assertThat(s.mail().findings()).extracting(Finding::symbol, Finding::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RBL_TESTBL_BLOCKED", 0.0));
        assertThat(s.rcpt()).isEqualTo(FilterResult.PASS);
    }
}
