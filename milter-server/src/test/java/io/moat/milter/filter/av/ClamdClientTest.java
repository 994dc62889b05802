// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our INSTREAM client against a real clamd (see {@link Clamd}) and against peers that fail. */
class ClamdClientTest {
    @TempDir
    static Path dir;
    static Clamd clamd;

    @BeforeAll
    static void startClamd() throws Exception {
        clamd = Clamd.start(dir, "1M");
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (clamd != null) {
            clamd.close();
        }
    }

    private static ScanResult scan(ClamdEndpoint e, byte[] content, long maxStream) throws Exception {
        try (ClamdClient c = Clamd.client(e, maxStream)) {
            return c.scan(new ByteArrayInputStream(content));
        }
    }

    @Test
    void eicarIsFoundOverTcpAndUnixSocket() throws Exception {
        assertThat(scan(clamd.tcp(), Clamd.eicar(), 1 << 20)).isEqualTo(new ScanResult.Infected(Clamd.EICAR_NAME));
        assertThat(scan(clamd.unix(), Clamd.eicar(), 1 << 20)).isEqualTo(new ScanResult.Infected(Clamd.EICAR_NAME));
    }

    @Test
    void ourOwnHashSignatureIsFound() throws Exception {
        assertThat(scan(clamd.unix(), Clamd.CUSTOM, 1 << 20)).isEqualTo(new ScanResult.Infected(Clamd.CUSTOM_NAME));
    }

    @Test
    void harmlessContentIsClean() throws Exception {
        assertThat(scan(clamd.tcp(), "hello, world\n".repeat(10_000).getBytes(), 1 << 20)).isEqualTo(ScanResult.CLEAN);
        assertThat(scan(clamd.tcp(), new byte[0], 1 << 20)).isEqualTo(ScanResult.CLEAN);
    }

    @Test
    void longerStreamThanOurLimitIsScannedUpToItAndReportedTooLarge() throws Exception {
        ScanResult r = scan(clamd.tcp(), new byte[300_000], 200_000);

        assertThat(r).isInstanceOfSatisfying(ScanResult.Failed.class,
                f -> assertThat(f.cause()).isEqualTo(ScanResult.Cause.TOO_LARGE));
    }

    @Test
    void virusInTheScannedPrefixIsStillReportedWhenTheRestIsTooLong() throws Exception {
        byte[] content = new byte[300_000];
        System.arraycopy(Clamd.eicar(), 0, content, 0, Clamd.eicar().length);

        assertThat(scan(clamd.tcp(), content, 200_000)).isEqualTo(new ScanResult.Infected(Clamd.EICAR_NAME));
    }

    @Test
    void clamdsOwnStreamMaxLengthIsReportedTooLarge() throws Exception {
        // Our limit set above clamd's 1M: clamd refuses, and that is read as too large, not as clean.
        ScanResult r = scan(clamd.tcp(), new byte[3 * 1024 * 1024], 8L << 20);

        assertThat(r).isInstanceOfSatisfying(ScanResult.Failed.class,
                f -> assertThat(f.cause()).isEqualTo(ScanResult.Cause.TOO_LARGE));
    }

    @Test
    void pingAnswers() throws Exception {
        try (ClamdClient c = Clamd.client(clamd.unix(), 1024)) {
            assertThat(c.ping()).isTrue();
        }
    }

    @Test
    void nothingListeningIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(scan(new ClamdEndpoint.Tcp("127.0.0.1", port), Clamd.eicar(), 1024))
                .isInstanceOfSatisfying(ScanResult.Failed.class, f -> assertThat(f.cause()).isEqualTo(ScanResult.Cause.UNAVAILABLE));
        assertThat(scan(new ClamdEndpoint.Unix(dir.resolve("none.sock")), Clamd.eicar(), 1024))
                .isInstanceOfSatisfying(ScanResult.Failed.class, f -> assertThat(f.cause()).isEqualTo(ScanResult.Cause.UNAVAILABLE));
    }

    @Test
    void aPeerThatNeverAnswersTimesOutWithinTheDeadline() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            ClamdSettings s = new ClamdSettings(Duration.ofSeconds(1), Duration.ofMillis(500), 1 << 20, 2);
            long start = System.nanoTime();
            ScanResult r;
            try (ClamdClient c = new ClamdClient(new ClamdEndpoint.Tcp("127.0.0.1", silent.getLocalPort()), s)) {
                r = c.scan(new ByteArrayInputStream(Clamd.eicar()));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(r).isInstanceOfSatisfying(ScanResult.Failed.class,
                    f -> assertThat(f.cause()).isEqualTo(ScanResult.Cause.TIMEOUT));
            assertThat(ms).isBetween(450L, 3000L);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
