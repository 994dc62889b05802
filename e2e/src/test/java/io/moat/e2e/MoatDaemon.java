// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The real daemon: the shaded jar run as a child JVM on a loopback port, its stdout (the gateway
 * log lines) appended to one file across restarts.
 */
final class MoatDaemon implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path jar;
    private final Path config;
    private final int port;
    private final @Nullable Path unixSocket;
    private final Path stdout;
    private final Path stderr;
    private @Nullable Process process;

    /** A daemon on {@code inet:127.0.0.1:port}, and also on {@code unixSocket} when that is given. */
    MoatDaemon(Path jar, Path config, int port, @Nullable Path unixSocket, Path logDir) {
        this.jar = jar;
        this.config = config;
        this.port = port;
        this.unixSocket = unixSocket;
        this.stdout = logDir.resolve("moat-milter.out");
        this.stderr = logDir.resolve("moat-milter.err");
    }

    static Path jar() {
        String p = System.getProperty("moat.milter.jar");
        Path jar = Path.of(p == null ? "../milter-server/target/moat-milter.jar" : p).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it with ./mvnw -pl milter-server -am package");
        }
        return jar;
    }

    /** Starts the daemon and returns once its listener accepts connections. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--config", config.toString(), "--listen", "inet:127.0.0.1:" + port));
        if (unixSocket != null) {
            cmd.addAll(List.of("--listen", "unix:" + unixSocket));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process p = process;
        Waits.until("moat-milter to listen on port " + port, START_TIMEOUT,
                () -> {
                    if (!p.isAlive()) {
                        throw new AssertionError("moat-milter exited " + p.exitValue() + ":\n" + read(stderr) + read(stdout));
                    }
                    return Waits.accepting(port) && (unixSocket == null || Files.exists(unixSocket));
                });
    }

    /** SIGKILL: the daemon vanishes mid-conversation, as in a crash or an OOM kill. */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            awaitExit(p);
        }
        process = null;
    }

    /** SIGTERM: the daemon's graceful stop (no new connections, messages in flight finish); waits for the exit. */
    void stop() {
        Process p = process;
        if (p != null) {
            p.destroy();
            awaitExit(p);
        }
        process = null;
    }

    /** Every line the daemon wrote to stdout so far: its startup lines and one gateway line per message. */
    List<String> stdoutLines() {
        return read(stdout).lines().toList();
    }

    /** The gateway log line that mentions the given Message-ID, if the daemon saw that message. */
    List<String> gatewayLines(String messageId) {
        return stdoutLines().stream().filter(l -> l.contains("<" + messageId + ">")).toList();
    }

    String diagnostics() {
        return "--- moat-milter stdout (last lines)\n" + tail(read(stdout)) + "--- stderr\n" + tail(read(stderr));
    }

    @Override
    public void close() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        process = null;
    }

    private static void awaitExit(Process p) {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("moat-milter did not exit within 30s of the signal");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n";
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
