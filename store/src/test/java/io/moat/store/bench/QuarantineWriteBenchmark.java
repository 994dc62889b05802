// SPDX-License-Identifier: Apache-2.0
package io.moat.store.bench;

import io.moat.store.Classification;
import io.moat.store.QuarantineEntry;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quarantine writes per second: {@code writers} threads each put 5 KB messages (distinct queue
 * ids, so every put is a committed insert) for {@code seconds}, after a 3-second warm-up. SQLite
 * runs on a file in /tmp with WAL and synchronous=FULL; PostgreSQL on a server this class starts
 * on loopback with fsync on (durable commits).
 *
 * <p>Run (from the repository root, after {@code ./mvnw -o -pl store test-compile}):
 * <pre>
 * ./mvnw -q -o -pl store dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp store/target/test-classes:store/target/classes:$(cat store/target/cp.txt) \
 *     io.moat.store.bench.QuarantineWriteBenchmark sqlite|postgres SECONDS WRITERS POOL
 * </pre>
 */
public final class QuarantineWriteBenchmark {
    private QuarantineWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String dialect = args.length > 0 ? args[0] : "sqlite";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int pool = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        if (dialect.equals("postgres")) {
            try (PostgresServer server = PostgresServer.start(true)) {
                run("postgres", server.createDatabase("bench"), seconds, writers, pool);
            }
        } else {
            Path dir = Files.createTempDirectory("moat-bench-");
            run("sqlite", "jdbc:sqlite:" + dir.resolve("moat.db"), seconds, writers, pool);
        }
    }

    private static void run(String name, String url, int seconds, int writers, int pool) throws Exception {
        try (Store store = Store.open(StoreConfig.of(url).withPoolSize(pool), Clock.systemUTC())) {
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean stop = new AtomicBoolean(false);
            AtomicLong written = new AtomicLong();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch(writers);
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (long n = 0; !stop.get(); n++) {
                        long t = System.nanoTime();
                        store.quarantine().put(entry(writer, n));
                        if (measuring.get()) {
                            written.incrementAndGet();
                            latencies.add(System.nanoTime() - t);
                        }
                    }
                    done.countDown();
                }));
            }
            Thread.sleep(3_000);
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(seconds));
            measuring.set(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            done.await();
            long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%s: %d writers, pool %d, 5 KB messages: %.0f writes/s (%d in %.1f s); latency p50 %.1f ms, p99 %.1f ms%n",
                    name, writers, pool, written.get() / elapsed, written.get(), elapsed, pct(l, 0.50), pct(l, 0.99));
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static final byte[] BODY = body();

    private static byte[] body() {
        byte[] b = new byte[5 * 1024];
        Arrays.fill(b, (byte) 'x');
        for (int i = 76; i < b.length; i += 78) {
            b[i] = '\r';
            b[i + 1] = '\n';
        }
        return b;
    }

    private static QuarantineEntry entry(int writer, long n) {
        String queueId = "W" + writer + "N" + n + "T" + System.nanoTime();
        byte[] head = ("Subject: bench " + queueId + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[BODY.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(BODY, head.length, content, head.length, BODY.length - head.length);
        return new QuarantineEntry(queueId, "bench@example.net", List.of("ann@example.org"), "192.0.2.1", Instant.now(),
                Classification.SPAM, 12, List.of("BAYES_99"), "spam", null, "bench " + queueId, content);
    }
}
