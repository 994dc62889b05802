// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A resolver that never answers: the whole fan-out still returns at the deadline, as unavailable. */
class DeadlineTest {
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final long MARGIN_MS = 300;

    @Test
    void fanOutAgainstSilentServerReturnsUnavailableWithinTheDeadline() throws Exception {
        try (SilentDnsServer silent = new SilentDnsServer()) {
            DnsBlocklistClient client = new DnsBlocklistClient(TestZones.settings(silent.address(), TIMEOUT,
                    TestZones.BLOCKLIST, TestZones.ALLOWLIST), System::nanoTime);
            long start = System.nanoTime();
            List<ZoneAnswer> answers = new IpBlocklist(client, List.of(TestZones.BLOCKLIST, TestZones.ALLOWLIST))
                    .start(InetAddress.getByName("192.0.2.1")).await();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMs).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + MARGIN_MS);
            assertThat(answers).hasSize(2).allSatisfy(a -> assertThat(a.answer()).isInstanceOf(RblAnswer.Unavailable.class));
            assertThat(answers.getFirst().findings("")).extracting(f -> f.symbol()).containsExactly("RBL_TESTBL_UNAVAILABLE");
            assertThat(silent.queriesReceived()).isEqualTo(2);
        }
    }

    @Test
    void timedOutAnswerIsNotCachedAsNotListed() throws Exception {
        try (SilentDnsServer silent = new SilentDnsServer()) {
            DnsBlocklistClient client = new DnsBlocklistClient(TestZones.settings(silent.address(), TIMEOUT,
                    TestZones.DOMAINS), System::nanoTime);
            List<ZoneAnswer> answers = new DomainBlocklist(client, List.of(TestZones.DOMAINS)).lookupAll(Set.of("spammer.example"));
            assertThat(answers.getFirst().answer()).isInstanceOf(RblAnswer.Unavailable.class);
            Thread.sleep(TIMEOUT.toMillis()); // let dnsjava's own timeout fail the request too
            assertThat(client.isCached("spammer.example.dbl.test")).isFalse();
        }
    }
}
