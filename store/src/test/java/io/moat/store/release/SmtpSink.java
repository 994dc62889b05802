// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Postfix's {@code smtp-sink} on a loopback port, dumping every message it accepts to a file in a
 * directory: the real receiving end of a release. Skipped when Postfix is not installed, except
 * under {@code CI=true}.
 */
public final class SmtpSink implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/smtp-sink");
    private final Process process;
    private final Path dumps;
    private final int port;

    private SmtpSink(Process process, Path dumps, int port) {
        this.process = process;
        this.dumps = dumps;
        this.port = port;
    }

    public static SmtpSink start(Path dir) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            String why = BINARY + " not found: install Debian's postfix package (scripts/install-deps.sh)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI=true, so this is a failure");
            }
            Assumptions.abort(why);
        }
        // Its own directory under /tmp: smtp-sink runs as nobody, who cannot enter a 0700 @TempDir.
        Path dumps = Files.createTempDirectory("moat-sink-");
        Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("-u", "nobody"));
        }
        cmd.addAll(List.of("-d", dumps + "/%H%M%S.", "127.0.0.1:" + port, "10"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("sink.log").toFile()).start();
        SmtpSink sink = new SmtpSink(p, dumps, port);
        sink.awaitListening();
        return sink;
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("smtp-sink did not start", e);
                }
            }
        }
    }

    public SmtpTarget target() {
        return new SmtpTarget("127.0.0.1", port, Duration.ofSeconds(10));
    }

    /** The dumped messages (envelope lines first, then the message), oldest first. */
    public List<String> messages() throws IOException {
        try (Stream<Path> files = Files.list(dumps)) {
            List<String> out = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                out.add(Files.readString(f));
            }
            return out;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try (Stream<Path> files = Files.walk(dumps)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
