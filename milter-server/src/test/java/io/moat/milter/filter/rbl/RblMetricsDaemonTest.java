// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.metrics.Scrape;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RBL answer counters as Prometheus sees them: the daemon asks a real rbldnsd (or a server
 * that never answers), and {@code moat_rbl_answers_total} moves by one per list and client.
 */
class RblMetricsDaemonTest {
    @TempDir
    Path dir;

    static String config(InetSocketAddress resolver) {
        return """
                metrics:
                  listen: "127.0.0.1:0"
                rbl:
                  resolver: 127.0.0.1:%d
                  timeout: 400ms
                  zones:
                    - { name: TESTBL, zone: bl.test, weight: 3 }
                    - { name: TESTWL, zone: wl.test, weight: -5 }
                """.formatted(resolver.getPort());
    }

    /** A client at {@code ip} gets as far as MAIL, where the lookups begun at CONNECT are collected. */
    static void clientFrom(TestDaemon daemon, String ip) throws Exception {
        try (MilterTestClient mta = daemon.connect()) {
            mta.negotiate(MilterTestClient.POSTFIX_OFFER);
            assertThat(mta.last(new Command.Connect("c.example", Command.Family.SMFIA_INET, 4711, ip)))
                    .isInstanceOf(Response.Continue.class);
            assertThat(mta.last(new Command.Helo("c.example"))).isInstanceOf(Response.Continue.class);
            assertThat(mta.last(new Command.Mail("<x@good.example>", List.of()))).isInstanceOf(Response.Continue.class);
        }
    }

    static double answers(Scrape s, String zone, String outcome) {
        return s.value("moat_rbl_answers_total", "outcome", outcome, "zone", zone);
    }

    @Test
    void listedNotListedAndBlockedAnswersAreCountedPerList() throws Exception {
        try (Rbldnsd dns = Rbldnsd.start(Files.createDirectory(dir.resolve("zones")), TestZones.RBLDNSD_ZONES);
                TestDaemon daemon = TestDaemon.start(dir, config(dns.address()))) {
            InetSocketAddress metrics = daemon.daemon().metricsAddress().orElseThrow();
            Scrape before = Scrape.of(metrics);
            assertThat(answers(before, "TESTBL", "listed")).isZero();

            clientFrom(daemon, "192.0.2.1");  // on both lists
            clientFrom(daemon, "192.0.2.99"); // on neither
            clientFrom(daemon, "192.0.2.66"); // the blocklist answers 127.255.255.254: query refused
            clientFrom(daemon, "192.0.2.1");  // again: answered from the cache, not counted

            Scrape after = Scrape.of(metrics);
            assertThat(answers(after, "TESTBL", "listed")).isEqualTo(1);
            assertThat(answers(after, "TESTBL", "not_listed")).isEqualTo(1);
            assertThat(answers(after, "TESTBL", "blocked")).isEqualTo(1);
            assertThat(answers(after, "TESTBL", "unavailable")).isZero();
            assertThat(answers(after, "TESTWL", "listed")).isEqualTo(1);
            assertThat(answers(after, "TESTWL", "not_listed")).isEqualTo(2);
            assertThat(answers(after, "TESTWL", "blocked")).isZero();
        }
    }

    @Test
    void aResolverThatNeverAnswersIsCountedAsUnavailableNotAsNotListed() throws Exception {
        try (SilentDnsServer silent = new SilentDnsServer();
                TestDaemon daemon = TestDaemon.start(dir, config(silent.address()))) {
            InetSocketAddress metrics = daemon.daemon().metricsAddress().orElseThrow();
            clientFrom(daemon, "192.0.2.1");
            // dnsjava fails the request itself a little after the fan-out deadline (its timer ticks coarsely).
            long until = System.nanoTime() + 5_000_000_000L;
            Scrape s = Scrape.of(metrics);
            while (answers(s, "TESTWL", "unavailable") + answers(s, "TESTBL", "unavailable") < 2 && System.nanoTime() < until) {
                Thread.sleep(50);
                s = Scrape.of(metrics);
            }
            assertThat(answers(s, "TESTBL", "unavailable")).isEqualTo(1);
            assertThat(answers(s, "TESTWL", "unavailable")).isEqualTo(1);
            assertThat(answers(s, "TESTBL", "not_listed")).isZero();
            assertThat(answers(s, "TESTBL", "listed")).isZero();
        }
    }
}
