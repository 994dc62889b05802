// SPDX-License-Identifier: Apache-2.0
package io.moat.store.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server on loopback, started from Debian's binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}) in a temp directory, on a free port, as the
 * {@code postgres} user when run as root (PostgreSQL refuses root). Without the binaries a test
 * is skipped with a message, except under {@code CI=true}, where it fails.
 */
public final class PostgresServer implements AutoCloseable {
    private static PostgresServer shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Process process;

    private PostgresServer(Path bin, Path dir, int port, Process process) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** One fsync-less server for the whole test JVM, stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(false);
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    /** Starts a server; {@code durable} keeps fsync on (for benchmarks). */
    public static PostgresServer start(boolean durable) {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("moat-pg-");
            Path data = dir.resolve("data");
            if (root()) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync", "--locale=C")));
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                    "-c", "max_connections=200", "-c", "fsync=" + (durable ? "on" : "off")));
            if (!durable) {
                cmd.addAll(List.of("-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            Process p = new ProcessBuilder(asPostgres(cmd)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("postgres.log").toFile()).start();
            PostgresServer server = new PostgresServer(bin, dir, port, p);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
        }
    }

    private static Path binaries() {
        Optional<Path> found = Optional.empty();
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent())));
            } catch (IOException e) {
                found = Optional.empty();
            }
        }
        if (found.isEmpty()) {
            String why = "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: install Debian's postgresql package"
                    + " (scripts/install-deps.sh)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(why);
        }
        return found.get();
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(List<String> cmd) {
        if (!root()) {
            return cmd;
        }
        List<String> out = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        out.addAll(cmd);
        return out;
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                DriverManager.getConnection(url("postgres")).close();
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("PostgreSQL did not start: " + Files.readString(dir.resolve("postgres.log")), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
            }
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} as the superuser {@code postgres} (trust auth on loopback). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Creates an empty database and returns its URL. */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
            return url(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "stop", "-m", "fast", "-w")));
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
