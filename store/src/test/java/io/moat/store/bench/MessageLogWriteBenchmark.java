// SPDX-License-Identifier: Apache-2.0
package io.moat.store.bench;

import io.moat.store.Classification;
import io.moat.store.Destination;
import io.moat.store.LogRow;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.jdbc.JdbcStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What one message-log row costs the writer: {@code rows} rows appended to a SQLite store (WAL,
 * synchronous=FULL, the real schema and {@code JdbcMessageLog}) in batches of {@code batch}, as the
 * daemon's background writer does; prints the writing thread's CPU and the wall time per row.
 * Rows look like the load generator's: 50 senders and recipients, random Message-IDs, rising queue
 * ids and times. Indexes named after the batch size are dropped first, to price them.
 *
 * <p>Run (from the repository root, after {@code ./mvnw -o -pl store test-compile}):
 * <pre>
 * ./mvnw -q -o -pl store dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp store/target/test-classes:store/target/classes:$(cat store/target/cp.txt) \
 *     io.moat.store.bench.MessageLogWriteBenchmark ROWS BATCH [INDEX_TO_DROP...]
 * </pre>
 */
public final class MessageLogWriteBenchmark {
    private MessageLogWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<String> drop = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Path dir = Files.createTempDirectory("moat-bench-");
        try (Store store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC())) {
            try (Connection c = ((JdbcStore) store).database().dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String index : drop) {
                    s.execute("DROP INDEX " + index.replaceAll("[^a-z_]", ""));
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Random random = new Random(1);
            Instant t0 = Instant.parse("2026-11-24T05:00:00Z");
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            List<LogRow> pending = new ArrayList<>(batch);
            for (int i = 0; i < rows; i++) {
                int w = random.nextInt(50);
                pending.add(new LogRow(0, t0.plusMillis(i / 3), "mx1", Long.toHexString(0x1A2B3C000L + i).toUpperCase(),
                        "<" + Long.toHexString(random.nextLong()) + "@example.net>", "sender" + w + "@example.org",
                        "user" + w + "@moat.test", Destination.DELIVERED, Classification.CLEAN, 0, 4871, "192.0.2." + w,
                        "subject line " + i, null, null));
                if (pending.size() == batch) {
                    store.messageLog().append(pending);
                    pending.clear();
                }
            }
            store.messageLog().append(pending);
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / rows;
            double wall = (System.nanoTime() - wall0) / 1e3 / rows;
            System.out.printf("rows=%d batch=%d dropped=%s cpu_us_per_row=%.1f wall_us_per_row=%.1f%n", rows, batch, drop, cpu,
                    wall);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
