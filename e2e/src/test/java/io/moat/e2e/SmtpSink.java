// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Postfix's {@code smtp-sink} on a loopback port, standing in for the customer's mail server:
 * it answers 250 to everything and dumps each transaction to its own file ({@code -d}).
 */
final class SmtpSink implements AutoCloseable {
    private final Path dumps;
    private final int port;
    private @Nullable Process process;

    private SmtpSink(Path dumps, int port) {
        this.dumps = dumps;
        this.port = port;
    }

    static SmtpSink start(Path program, Path dumps, int port, Path log) {
        SmtpSink sink = new SmtpSink(dumps, port);
        try {
            Files.createDirectories(dumps);
            // smtp-sink drops to user nobody (-u) before it writes the dumps.
            Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx"));
            sink.process = new ProcessBuilder(program.toString(), "-u", "nobody",
                    "-d", dumps + "/%Y%m%d%H%M%S.", "127.0.0.1:" + port, "128")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process p = sink.process;
        Waits.until("smtp-sink on port " + port, Duration.ofSeconds(10), () -> {
            if (!p.isAlive()) {
                throw new AssertionError("smtp-sink exited " + p.exitValue() + ":\n" + MoatDaemon.read(log));
            }
            return Waits.accepting(port);
        });
        return sink;
    }

    /** Every message the sink has received so far. */
    List<SinkMessage> messages() {
        try (Stream<Path> files = Files.list(dumps)) {
            return files.filter(Files::isRegularFile).sorted().map(SinkMessage::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The received copies of the message whose X-Test-Id header is {@code id}. */
    List<SinkMessage> withTestId(String id) {
        return messages().stream().filter(m -> m.header("X-Test-Id").contains(id)).toList();
    }

    @Override
    public void close() {
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process = null;
    }
}
