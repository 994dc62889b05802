// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static io.moat.milter.metrics.MetricsDaemonTest.delta;
import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clamd down (nothing listens on its port) with fail-open on: the message is delivered unscanned,
 * and the two numbers an admin alerts on move: the fail-open count and the unavailable scans.
 */
class AntivirusFailOpenMetricsTest {
    @TempDir
    Path dir;

    @Test
    void aMessageLetThroughUnscannedIsCountedAsFailOpen() throws Exception {
        int deadPort = MetricsListenerLifecycleTest.freePort();
        try (TestDaemon daemon = TestDaemon.start(dir, """
                metrics:
                  listen: "127.0.0.1:0"
                antivirus:
                  engines: ["tcp:127.0.0.1:%d"]
                  connect-timeout: 1s
                  fail-open: true
                """.formatted(deadPort))) {
            Scrape before = Scrape.of(daemon.daemon().metricsAddress().orElseThrow());
            try (MilterTestClient mta = daemon.connect()) {
                mta.negotiate(MilterTestClient.POSTFIX_OFFER);
                mta.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));
                List<Response> eom = mta.sendMessage("<a@example.org>", "<b@example.net>", "4OPEN",
                        MilterTestClient.ORDINARY_MESSAGE);
                assertThat(eom.get(eom.size() - 1)).isEqualTo(new Response.Continue());
            }
            Scrape after = Scrape.of(daemon.daemon().metricsAddress().orElseThrow());
            assertThat(delta(before, after, "moat_antivirus_fail_open_total")).isEqualTo(1);
            assertThat(delta(before, after, "moat_antivirus_scans_total", "result", "unavailable")).isEqualTo(1);
            assertThat(delta(before, after, "moat_antivirus_scans_total", "result", "clean")).isZero();
            assertThat(delta(before, after, "moat_messages_total", "action", "deliver", "classification", "clean")).isEqualTo(1);
        }
    }
}
