// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real clamd from Debian's clamav-daemon on a loopback TCP port, with a signature database the
 * test writes (freshclam cannot run here): EICAR as a body signature ({@code .ndb}) and a string of
 * ours as a whole-file hash signature ({@code .hdb}), the one the committed messages under
 * test-corpus/crafted/virus carry. It can be stopped and started again on the same port, to play
 * an antivirus outage in the middle of a run.
 */
final class ClamdInstance implements AutoCloseable {
    /** What clamd reports for EICAR: our database's name plus clamd's suffix for unofficial signatures. */
    static final String EICAR_SIGNATURE = "Moat.Test.EICAR.UNOFFICIAL";
    static final String CUSTOM_SIGNATURE = "Moat.Test.Custom.UNOFFICIAL";
    /** Our harmless test "virus": a file with exactly these bytes (as in test-corpus/crafted/virus). */
    static final byte[] CUSTOM = "MOAT-TEST-CUSTOM-SIGNATURE-2026: harmless, for clamd tests only\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** The daemon's {@code antivirus.scan-timeout} in {@link #antivirusConfig}: short, so a hung clamd costs little. */
    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path program;
    private final Path conf;
    private final Path log;
    private final int port;
    private final Thread hook = new Thread(this::close, "moat-e2e-clamd-cleanup");
    private @Nullable Process process;

    private ClamdInstance(Path program, Path conf, Path log, int port) {
        this.program = program;
        this.conf = conf;
        this.log = log;
        this.port = port;
    }

    /** The EICAR test file, put together here so that no scanner trips over this source file. */
    static byte[] eicar() {
        String a = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
        String b = "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*";
        return (a + b).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the database and config under {@code dir} and starts clamd; skips (fails in CI) without clamd. */
    static ClamdInstance start(Path dir) {
        Path program = Prerequisites.program("clamd");
        try {
            Path db = Files.createDirectories(dir.resolve("clamd-db"));
            Files.writeString(db.resolve("moat.ndb"), "Moat.Test.EICAR:0:*:" + HexFormat.of().formatHex(eicar()) + "\n");
            Files.writeString(db.resolve("moat.hdb"), md5(CUSTOM) + ":" + CUSTOM.length + ":Moat.Test.Custom\n");
            int port = InstancePorts.freePort();
            Path conf = dir.resolve("clamd.conf");
            Path log = dir.resolve("clamd.log");
            Files.write(conf, List.of("Foreground yes", "TCPSocket " + port, "TCPAddr 127.0.0.1",
                    "DatabaseDirectory " + db, "LogFile " + log, "MaxThreads 4", "Bytecode no",
                    "OfficialDatabaseOnly no", "SelfCheck 0"));
            ClamdInstance clamd = new ClamdInstance(program, conf, log, port);
            Runtime.getRuntime().addShutdownHook(clamd.hook);
            clamd.restart();
            return clamd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts clamd (again) on the same port and database; returns once it answers PING. */
    void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("clamd is already running");
        }
        try {
            process = new ProcessBuilder(program.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolveSibling("clamd.out").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process p = process;
        Waits.until("clamd to answer PING on port " + port, START_TIMEOUT, () -> {
            if (!p.isAlive()) {
                throw new AssertionError("clamd exited " + p.exitValue() + ":\n" + MoatDaemon.read(log));
            }
            return pong();
        }, () -> MoatDaemon.tail(MoatDaemon.read(log)));
    }

    /**
     * SIGSTOP: clamd hangs. The kernel still accepts connections on its port, but nothing answers,
     * so a scan can only end by the client's timeout.
     */
    void hang() {
        signal("STOP");
    }

    /** SIGCONT after {@link #hang}. */
    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException("clamd is not running");
        }
        Exec.run(Duration.ofSeconds(10), "kill", "-" + name, Long.toString(p.pid())).requireSuccess();
    }

    /** SIGTERM, as {@code systemctl stop clamav-daemon} does; returns once clamd has exited. */
    void stop() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        if (p.isAlive()) {
            // A hung (stopped) clamd would not act on SIGTERM until continued.
            Exec.run(Duration.ofSeconds(10), "kill", "-CONT", Long.toString(p.pid()));
        }
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** The engine address in the daemon's notation ({@code antivirus.engines}). */
    String engine() {
        return "tcp:127.0.0.1:" + port;
    }

    /** The daemon's {@code antivirus:} section with this clamd as its one engine, in the given scan mode. */
    String antivirusConfig(String scanMode) {
        return """
                antivirus:
                  engines: ["%s"]
                  scan: %s
                  connect-timeout: 1s
                  scan-timeout: %ds
                """.formatted(engine(), scanMode, SCAN_TIMEOUT.toSeconds());
    }

    String log() {
        return MoatDaemon.read(log);
    }

    @Override
    public void close() {
        stop();
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook is this very cleanup.
            }
        }
    }

    private boolean pong() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
