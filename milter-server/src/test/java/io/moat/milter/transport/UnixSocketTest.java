// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The unix-socket listener: Postfix's low-latency choice, with the file mode the admin set. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixSocketTest {
    @TempDir
    Path dir;

    @Test
    void sessionOverAUnixSocketIsServedAndTheSocketHasTheConfiguredMode() throws Exception {
        Path socket = dir.resolve("run/milter.sock");
        try (TestDaemon daemon = TestDaemon.start(dir,
                "connections:\n  unix-socket-mode: rw-rw-rw-\nlisten: [\"unix:" + socket + "\"]\n")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw-rw-");
            try (MilterTestClient c = MilterTestClient.connectUnix(socket)) {
                assertThat(c.negotiate(MilterTestClient.POSTFIX_OFFER).version()).isEqualTo(6);
                assertThat(c.last(new Command.Connect("localhost", Command.Family.SMFIA_UNIX, 0, "/var/run/smtp.sock")))
                        .isEqualTo(new Response.Continue());
                List<Response> eom = c.sendMessage("<a@example.org>", "<b@example.net>", "4UNIX",
                        MilterTestClient.ORDINARY_MESSAGE);
                assertThat(eom).last().isEqualTo(new Response.Continue());
            }
            assertThat(daemon.records()).singleElement().satisfies(r -> {
                assertThat(r.queueId()).isEqualTo("4UNIX");
                assertThat(r.clientAddress()).isEqualTo("/var/run/smtp.sock");
            });
        }
        assertThat(socket).as("removed at shutdown").doesNotExist();
    }

    @Test
    void staleSocketFromAnEarlierRunIsReplaced() throws Exception {
        Path socket = dir.resolve("milter.sock");
        TestDaemon.start(dir, "listen: [\"unix:" + socket + "\"]\n").daemon().server().shutdown(java.time.Duration.ZERO);
        // shutdown removes it; leave a stale socket file behind as a crash would
        try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        try (TestDaemon daemon = TestDaemon.start(dir, "listen: [\"unix:" + socket + "\"]\n");
                MilterTestClient c = MilterTestClient.connectUnix(socket)) {
            assertThat(c.negotiate(MilterTestClient.POSTFIX_OFFER).version()).isEqualTo(6);
        }
    }
}
