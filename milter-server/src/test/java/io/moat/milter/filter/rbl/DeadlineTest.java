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
    private static final long MARGIN_MS = 400; // generous: the build machine is shared and noisy

    @Test
    void fanOutAgainstSilentServerReturnsUnavailableWithinTheDeadline() throws Exception {
        try (SilentDnsServer silent = new SilentDnsServer()) {
            DnsBlocklistClient client = new DnsBlocklistClient(TestZones.settings(silent.address(), TIMEOUT,
                    TestZones.BLOCKLIST, TestZones.ALLOWLIST), System::nanoTime);
            long start = System.nanoTime();
            List<ZoneAnswer> answers = new IpBlocklist(client, List.of(TestZones.BLOCKLIST, TestZones.ALLOWLIST))
                    .start(InetAddress.getByName("192.0.2.1")).await();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("fan-out against a silent server returned after " + elapsedMs + " ms (timeout " + TIMEOUT.toMillis() + " ms)");

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
            // dnsjava's own timeout fails the request too, a little later (its timer ticks coarsely)
            long until = System.nanoTime() + 5_000_000_000L;
            // The cache learns the answer's zero lifetime just after the future completes: poll for both.
            while ((client.counters().get("TESTDBL", RblCounters.Outcome.UNAVAILABLE) == 0
                    || client.isCached("spammer.example.dbl.test")) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(client.isCached("spammer.example.dbl.test")).isFalse();
            assertThat(client.counters().get("TESTDBL", RblCounters.Outcome.UNAVAILABLE)).isEqualTo(1);
            assertThat(client.counters().get("TESTDBL", RblCounters.Outcome.NOT_LISTED)).isZero();
        }
    }
}
