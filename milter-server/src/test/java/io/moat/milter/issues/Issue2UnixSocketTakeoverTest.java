// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.Daemon;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found while testing the unix-socket listener with miltertest (issue 2). Before binding, the
 * daemon deleted whatever was at the socket path. A second {@code moat-milter} started with the
 * same {@code --listen unix:PATH} therefore took the socket from the first one without a word:
 * Postfix talked to the second, the first went on running unreachable, and when either stopped
 * it deleted the socket file the other was using. A mistyped path (a regular file) was deleted
 * too. Now only a stale socket, one nobody answers on, is removed; anything else makes the bind
 * fail with a message saying why.
 */
class Issue2UnixSocketTakeoverTest {
    @TempDir
    Path dir;

    @Test
    void aSecondDaemonCannotTakeTheSocketOfARunningOne() throws Exception {
        Path socket = dir.resolve("moat.sock");
        try (Daemon first = start(socket, "a")) {
            assertThatThrownBy(() -> start(socket, "b").close())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("unix:" + socket)
                    .hasMessageContaining("another process is listening");
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                assertThat(awaitConnections(first, 1)).as("the first daemon still owns the socket").isTrue();
            }
        }
    }

    @Test
    void aSocketLeftByADeadDaemonIsReplaced() throws Exception {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        try (Daemon d = start(socket, "c");
                SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertThat(awaitConnections(d, 1)).isTrue();
        }
    }

    @Test
    void aPathThatIsNotASocketIsNeitherDeletedNorUsed() throws Exception {
        Path file = dir.resolve("important.txt");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> start(file, "d").close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a socket");
        assertThat(file).hasContent("keep me");
    }

    private Daemon start(Path socket, String name) throws Exception {
        Path yml = dir.resolve(name + ".yml");
        Files.writeString(yml, "listen:\n  - inet:127.0.0.1:0\n  - unix:" + socket + "\nshutdown:\n  grace: 1s\n");
        MoatConfig config = new ConfigLoader("issue2", dir.resolve("spool-" + name)).load(yml);
        return Daemon.start(config, Clock.systemUTC(), System::nanoTime, r -> { });
    }

    private static boolean awaitConnections(Daemon d, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (d.server().activeConnections() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return d.server().activeConnections() >= n;
    }
}
