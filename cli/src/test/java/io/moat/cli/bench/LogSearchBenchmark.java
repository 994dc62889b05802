// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.bench;

import io.moat.cli.MoatCommand;
import io.moat.store.Classification;
import io.moat.store.Destination;
import io.moat.store.LogRow;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.postgres.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import picocli.CommandLine;

/**
 * {@code moat log search} on a message log of {@code rows} rows (default 1,000,000): 180 days of
 * mail, 20,000 senders, 50,000 recipients in 500 domains, realistic class mix. Each search runs
 * through the CLI in this JVM (open the store, query, print, close) 5 times; the median is shown.
 *
 * <p>Run (from the repository root, after {@code ./mvnw -o -pl store install -DskipTests} and
 * {@code ./mvnw -o -pl cli test-compile}):
 * <pre>
 * ./mvnw -q -o -pl cli dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp cli/target/test-classes:cli/target/classes:$(cat cli/target/cp.txt) \
 *     io.moat.cli.bench.LogSearchBenchmark sqlite|postgres [ROWS]
 * </pre>
 */
public final class LogSearchBenchmark {
    private static final Instant NOW = Instant.now();

    private LogSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String dialect = args.length > 0 ? args[0] : "sqlite";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        if (dialect.equals("postgres")) {
            try (PostgresServer server = PostgresServer.start(false)) {
                run(server.createDatabase("bench"), rows);
            }
        } else {
            run("jdbc:sqlite:" + Files.createTempDirectory("moat-bench-").resolve("moat.db"), rows);
        }
    }

    private static void run(String url, int rows) {
        long t = System.nanoTime();
        fill(url, rows);
        System.out.printf("filled %,d rows in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);
        search(url, "by sender", "--sender", "sender42@example-net-42.test");
        search(url, "by recipient", "--recipient", "user4242@domain242.test");
        search(url, "by message-id", "--message-id", "<m500000@example.net>");
        search(url, "by sender, last 7 days", "--sender", "sender42@example-net-42.test", "--since", "7d");
        search(url, "virus, last day", "--classification", "virus", "--since", "1d");
        search(url, "recipient wildcard *@domain42.test", "--recipient", "*@domain42.test");
        search(url, "newest 100 (no filter)");
    }

    private static void fill(String url, int rows) {
        Random random = new Random(42);
        try (Store store = Store.open(StoreConfig.of(url), Clock.systemUTC())) {
            List<LogRow> batch = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                batch.add(row(i, random));
                if (batch.size() == 10_000) {
                    store.messageLog().append(batch);
                    batch.clear();
                }
            }
            store.messageLog().append(batch);
        }
    }

    private static LogRow row(int i, Random random) {
        int sender = random.nextInt(20_000);
        int recipient = random.nextInt(50_000);
        int c = random.nextInt(100);
        Classification cls = c < 70 ? Classification.CLEAN : c < 95 ? Classification.SPAM : c < 97 ? Classification.VIRUS
                : c < 99 ? Classification.BANNED : Classification.BAD_HEADER;
        Destination dest = cls == Classification.CLEAN ? Destination.DELIVERED : cls == Classification.SPAM
                ? (random.nextBoolean() ? Destination.TAGGED : Destination.QUARANTINED) : Destination.REJECTED;
        Instant at = NOW.minus(Duration.ofSeconds(random.nextLong(180L * 86_400)));
        return new LogRow(0, at, "mx" + (i % 3), "Q" + Integer.toHexString(i), "<m" + i + "@example.net>",
                "sender" + sender + "@example-net-" + (sender % 100) + ".test", "user" + recipient + "@domain" + (recipient % 500) + ".test",
                dest, cls, random.nextDouble() * 20, 2_000 + random.nextInt(50_000), "198.51.100." + random.nextInt(255),
                "Subject line number " + i, cls == Classification.VIRUS ? "Eicar-Signature" : null, null);
    }

    private static void search(String url, String what, String... filters) {
        String[] args = new String[filters.length + 4];
        args[0] = "log";
        args[1] = "search";
        System.arraycopy(filters, 0, args, 2, filters.length);
        args[filters.length + 2] = "--store";
        args[filters.length + 3] = url;
        long[] ms = new long[5];
        int lines = 0;
        for (int i = 0; i < ms.length; i++) {
            StringWriter out = new StringWriter();
            CommandLine cl = MoatCommand.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(new StringWriter()));
            long t = System.nanoTime();
            int exit = cl.execute(args);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            if (exit != 0) {
                throw new IllegalStateException("moat " + String.join(" ", args) + " exited " + exit);
            }
            lines = (int) out.toString().lines().count() - 1;
        }
        Arrays.sort(ms);
        System.out.printf("moat log search %-45s %4d rows  median %5d ms  (min %d, max %d)%n", what, Math.max(lines, 0), ms[2], ms[0], ms[4]);
    }
}
