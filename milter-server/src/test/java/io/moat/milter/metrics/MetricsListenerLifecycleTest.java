// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static io.moat.milter.metrics.MetricsDaemonTest.listening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.testkit.TestDaemon;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the endpoint listens, when it does not, and what happens when its address is taken. */
class MetricsListenerLifecycleTest {
    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void whenDisabledNothingListensOnTheMetricsAddress() throws Exception {
        int port = freePort();
        try (TestDaemon daemon = TestDaemon.start(dir, "metrics:\n  enabled: false\n  listen: \"127.0.0.1:" + port + "\"\n")) {
            assertThat(daemon.daemon().metricsAddress()).isEmpty();
            assertThat(listening(port)).isFalse();
        }
    }

    @Test
    void whenEnabledItListensOnTheChosenPortUntilTheDaemonStops() throws Exception {
        int port = freePort();
        TestDaemon daemon = TestDaemon.start(dir, "metrics:\n  listen: \"127.0.0.1:" + port + "\"\n");
        try {
            assertThat(daemon.daemon().metricsAddress()).hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(port));
            assertThat(listening(port)).isTrue();
            assertThat(Scrape.of(new InetSocketAddress("127.0.0.1", port)).has("moat_messages_total")).isTrue();
        } finally {
            daemon.close();
        }
        assertThat(listening(port)).isFalse();
    }

    @Test
    void aChosenAddressThatIsTakenStopsTheStartAndNamesTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> TestDaemon.start(dir, "metrics:\n  listen: \"127.0.0.1:" + port + "\"\n").close())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("metrics.listen 127.0.0.1:" + port);
        }
    }

    @Test
    void theDefaultAddressTakenIsAWarningAndMailStillFlows() throws Exception {
        // Whoever holds 127.0.0.1:9357 (this test, or anything else on the machine), it is taken.
        ServerSocket held = null;
        try {
            try {
                held = new ServerSocket(MetricsSettings.DEFAULT.port(), 1, InetAddress.getLoopbackAddress());
            } catch (IOException alreadyTaken) {
                // taken by something else: just as good
            }
            try (TestDaemon daemon = TestDaemon.start(dir, "metrics:\n  enabled: true\n")) {
                assertThat(daemon.daemon().metricsAddress()).isEmpty();
                assertThat(daemon.daemon().boundAddresses()).isNotEmpty();
            }
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }
}
