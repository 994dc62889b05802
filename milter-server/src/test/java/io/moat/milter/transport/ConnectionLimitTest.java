// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.MilterTestClient.Ending;
import io.moat.milter.testkit.TestDaemon;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past the connection limit a connection is closed at once, so Postfix tempfails instead of waiting. */
class ConnectionLimitTest {
    @TempDir
    Path dir;

    @Test
    void connectionOverTheLimitIsClosedAtOnceAndAFreedSlotIsReused() throws Exception {
        try (TestDaemon daemon = TestDaemon.start(dir, "connections:\n  max: 2\n");
                MilterTestClient first = daemon.connect();
                MilterTestClient second = daemon.connect()) {
            assertThat(first.negotiate(MilterTestClient.POSTFIX_OFFER).version()).isEqualTo(6);
            assertThat(second.negotiate(MilterTestClient.POSTFIX_OFFER).version()).isEqualTo(6);

            try (MilterTestClient third = daemon.connect()) {
                long start = System.nanoTime();
                assertThat(third.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CLOSED);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
            assertThat(daemon.daemon().server().activeConnections()).isEqualTo(2);
            assertThat(daemon.daemon().server().refusedConnections()).isEqualTo(1);
            assertThat(daemon.daemon().server().acceptedConnections()).isEqualTo(2);

            first.send(new Command.Quit());
            assertThat(first.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CLOSED);
            awaitActive(daemon, 1);
            try (MilterTestClient fourth = daemon.connect()) {
                assertThat(fourth.negotiate(MilterTestClient.POSTFIX_OFFER).version()).isEqualTo(6);
            }
        }
    }

    static void awaitActive(TestDaemon daemon, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (daemon.daemon().server().activeConnections() != n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(daemon.daemon().server().activeConnections()).isEqualTo(n);
    }

    @Test
    void idleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (TestDaemon daemon = TestDaemon.start(dir, "connections:\n  idle-timeout: 300ms\n");
                MilterTestClient idle = daemon.connect()) {
            idle.negotiate(MilterTestClient.POSTFIX_OFFER);

            assertThat(idle.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CLOSED);
            assertThat(daemon.daemon().server().awaitIdle(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void idleUnixSocketConnectionIsClosedToo() throws Exception {
        java.nio.file.Path socket = dir.resolve("idle.sock");
        try (TestDaemon daemon = TestDaemon.start(dir, "listen: [\"unix:" + socket + "\"]\nconnections:\n  idle-timeout: 300ms\n");
                MilterTestClient idle = MilterTestClient.connectUnix(socket)) {
            idle.negotiate(MilterTestClient.POSTFIX_OFFER);

            // No read timeouts on a unix channel: wait for the read to end (EOF) on another thread.
            java.util.concurrent.CompletableFuture<Boolean> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    idle.read();
                    return false;
                } catch (Exception e) {
                    return true;
                }
            });
            assertThat(ended.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.daemon().server().awaitIdle(Duration.ofSeconds(2))).isTrue();
        }
    }
}
