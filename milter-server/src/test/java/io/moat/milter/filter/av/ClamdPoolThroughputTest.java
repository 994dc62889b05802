// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, does not assert a speed: scans per second against a real clamd with a connection per
 * scan (idle limit zero, so nothing is reused) and with the pool. Runs only with
 * {@code -Dmoat.clamd.bench=SCANS}.
 */
class ClamdPoolThroughputTest {
    @TempDir
    Path dir;

    @Test
    void scansPerSecondWithAndWithoutReuse() throws Exception {
        int scans = Integer.getInteger("moat.clamd.bench", 0);
        Assumptions.assumeTrue(scans > 0, "set -Dmoat.clamd.bench=SCANS to measure");
        byte[] message = "Subject: hello\r\n\r\nA short clean message body.\r\n".repeat(40).getBytes();
        try (Clamd clamd = Clamd.start(dir, "1M")) {
            for (ClamdEndpoint e : List.of(clamd.tcp(), clamd.unix())) {
                for (int threads : new int[] {1, 8}) {
                    for (Duration maxIdle : List.of(Duration.ZERO, ClamdClient.MAX_IDLE)) {
                        run(e, threads, maxIdle, message, scans / 5);
                        double perSecond = run(e, threads, maxIdle, message, scans);
                        System.out.printf("clamd bench %s threads=%d %s: %.0f scans/s%n", e.spec(), threads,
                                maxIdle.isZero() ? "connection-per-scan" : "pooled", perSecond);
                    }
                }
            }
        }
    }

    private static double run(ClamdEndpoint e, int threads, Duration maxIdle, byte[] message, int scans) throws Exception {
        ClamdSettings s = new ClamdSettings(Duration.ofSeconds(2), Duration.ofSeconds(30), 1 << 20, 4);
        try (ClamdClient c = new ClamdClient(e, s, Clock.systemUTC(), maxIdle);
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < scans / threads; i++) {
                        assertThat(c.scan(new ByteArrayInputStream(message))).isEqualTo(ScanResult.CLEAN);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return scans / ((System.nanoTime() - start) / 1e9);
        }
    }
}
