// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The whole path on loopback: sender → Postfix (built from postfix-conf/) ⇄ moat-milter → smtp-sink.
 * {@link #start} checks prerequisites first, so a machine without Postfix skips (or, in CI, fails)
 * before anything is started; {@link #close} stops everything that was started, in reverse order,
 * and also runs from a shutdown hook if the test JVM is stopped early.
 */
final class Gateway implements AutoCloseable {
    /** The daemon's limit in these tests, small so an oversized message is cheap to send. */
    static final int MAX_MESSAGE_SIZE = 20 * 1024;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Thread hook = new Thread(this::close, "moat-e2e-cleanup");
    private @Nullable PostfixInstance postfix;
    private @Nullable MoatDaemon daemon;
    private @Nullable SmtpSink sink;
    private @Nullable Swaks swaks;
    private @Nullable Path config;

    private Gateway() {
    }

    /** How Postfix reaches the daemon. */
    enum MilterSocket { INET, UNIX }

    static Gateway start(Path dir) {
        return start(dir, MilterSocket.INET, "");
    }

    /** {@code extraConfig} is appended to the daemon's YAML config (top-level sections the base does not set). */
    static Gateway start(Path dir, MilterSocket socket, String extraConfig) {
        Prerequisites.requireRoot();
        List<Path> programs = Prerequisites.require("postfix", "postconf", "postqueue", "smtp-sink", "swaks");
        Gateway g = new Gateway();
        Runtime.getRuntime().addShutdownHook(g.hook);
        try {
            g.startAll(dir, socket, extraConfig, programs.get(3), programs.get(4));
        } catch (RuntimeException | Error e) {
            g.close();
            throw e;
        }
        return g;
    }

    private void startAll(Path dir, MilterSocket socket, String extraConfig, Path smtpSink, Path swaksProgram) {
        try {
            // Postfix's unprivileged daemons and smtp-sink (as nobody) must be able to reach their directories.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InstancePorts ports = InstancePorts.free();
        sink = SmtpSink.start(smtpSink, dir.resolve("sink"), ports.sink(), dir.resolve("smtp-sink.log"));
        started.add(sink);
        Path unixSocket = dir.resolve("moat/milter.sock");
        String milter = switch (socket) {
            case INET -> "inet:127.0.0.1:" + ports.milter();
            case UNIX -> "unix:" + unixSocket;
        };
        config = writeDaemonConfig(dir, ports, extraConfig);
        daemon = new MoatDaemon(MoatDaemon.jar(), config, ports.milter(),
                socket == MilterSocket.UNIX ? unixSocket : null, dir);
        started.add(daemon);
        daemon.start();
        postfix = PostfixInstance.configure(dir.resolve("postfix"), ports, milter);
        started.add(postfix);
        postfix.start();
        swaks = new Swaks(swaksProgram);
    }

    private static Path writeDaemonConfig(Path dir, InstancePorts ports, String extraConfig) {
        Path config = dir.resolve("moat.yml");
        String yaml = """
                # moat-milter config for the end-to-end tests: everything it writes stays in the temp dir.
                limits:
                  max-message-size: %d
                  spool-directory: %s
                store:
                  url: jdbc:sqlite:%s
                bayes:
                  state: none
                rules:
                  paths: []
                connections:
                  # The daemon runs as root here; Postfix's smtpd (user postfix) must reach the socket.
                  unix-socket-mode: rw-rw-rw-
                shutdown:
                  grace: 2s
                release:
                  smtp: 127.0.0.1:%d
                """.formatted(MAX_MESSAGE_SIZE, dir.resolve("moat-spool"), dir.resolve("moat.db"), ports.reinject())
                + extraConfig;
        try {
            Files.writeString(config, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    PostfixInstance postfix() {
        return Objects.requireNonNull(postfix);
    }

    MoatDaemon daemon() {
        return Objects.requireNonNull(daemon);
    }

    SmtpSink sink() {
        return Objects.requireNonNull(sink);
    }

    /** The daemon's config file, which the {@code moat} CLI reads too (store and release target). */
    Path config() {
        return Objects.requireNonNull(config);
    }

    Swaks swaks() {
        return Objects.requireNonNull(swaks);
    }

    /** Everything a failing assertion needs: Postfix's log, the queue, the daemon's output. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        if (postfix != null) {
            out.append("--- postfix maillog (last lines)\n").append(MoatDaemon.tail(postfix.maillog()))
                    .append("--- postqueue -p\n").append(postfix.queueListing()).append('\n');
        }
        if (daemon != null) {
            out.append(daemon.diagnostics());
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : started.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("moat-e2e: cleanup of " + c.getClass().getSimpleName() + " failed: " + e);
            }
        }
        started.clear();
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook is this very cleanup.
            }
        }
    }
}
