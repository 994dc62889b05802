// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A real clamd from Debian's clamav-daemon, started by a test on loopback (TCP and a unix socket)
 * with a signature database the test writes, since freshclam cannot run here: EICAR as a body
 * signature (.ndb) and a made-up string of ours as a hash signature (.hdb). Missing clamd skips
 * the test, except in CI (CI=true), where it fails.
 */
public final class Clamd implements AutoCloseable {
    /** Our own harmless test "virus": a whole file with exactly these bytes. */
    public static final byte[] CUSTOM = "MOAT-TEST-CUSTOM-SIGNATURE-2026: harmless, for clamd tests only\n"
            .getBytes(StandardCharsets.US_ASCII);
    public static final String CUSTOM_NAME = "Moat.Test.Custom.UNOFFICIAL";
    public static final String EICAR_NAME = "Moat.Test.EICAR.UNOFFICIAL";

    private Process process;
    private final ClamdEndpoint tcp;
    private final ClamdEndpoint unix;
    private final Path log;
    private final List<String> command;
    private final Path dir;

    private Clamd(Process process, ClamdEndpoint tcp, ClamdEndpoint unix, Path log, List<String> command, Path dir) {
        this.process = process;
        this.tcp = tcp;
        this.unix = unix;
        this.log = log;
        this.command = command;
        this.dir = dir;
    }

    /** The EICAR test file, put together here so no scanner trips over this source file. */
    public static byte[] eicar() {
        String a = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
        String b = "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*";
        return (a + b).getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts clamd, or skips the calling test when it is not installed (fails it in CI). */
    public static Clamd start(Path dir, String streamMaxLength) throws IOException, InterruptedException {
        Optional<Path> binary = binary();
        String why = "clamd is not installed (Debian package clamav-daemon; scripts/install-deps.sh installs it)";
        if (binary.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ": CI must run the antivirus tests");
            }
            Assumptions.abort(why + ": skipping the real-clamd tests");
        }
        return start(binary.orElseThrow(), dir, streamMaxLength);
    }

    /** Starts clamd if it is installed; empty when it is not, except in CI, where that fails. */
    public static Optional<Clamd> startIfInstalled(Path dir, String streamMaxLength) throws IOException, InterruptedException {
        if (binary().isEmpty() && !"true".equals(System.getenv("CI"))) {
            return Optional.empty();
        }
        return Optional.of(start(dir, streamMaxLength));
    }

    private static Clamd start(Path binary, Path dir, String streamMaxLength) throws IOException, InterruptedException {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("moat.ndb"), "Moat.Test.EICAR:0:*:" + HexFormat.of().formatHex(eicar()) + "\n");
        Files.writeString(db.resolve("moat.hdb"), md5(CUSTOM) + ":" + CUSTOM.length + ":Moat.Test.Custom\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path socket = dir.resolve("clamd.sock");
        Path log = dir.resolve("clamd.log");
        Path conf = dir.resolve("clamd.conf");
        Files.write(conf, List.of("Foreground yes", "TCPSocket " + port, "TCPAddr 127.0.0.1", "LocalSocket " + socket,
                "DatabaseDirectory " + db, "StreamMaxLength " + streamMaxLength, "LogFile " + log,
                "MaxThreads 4", "Bytecode no", "OfficialDatabaseOnly no"));
        List<String> command = List.of(binary.toString(), "-c", conf.toString());
        Clamd clamd = new Clamd(launch(command, dir), new ClamdEndpoint.Tcp("127.0.0.1", port),
                new ClamdEndpoint.Unix(socket), log, command, dir);
        clamd.awaitPong(dir);
        return clamd;
    }

    private static Process launch(List<String> command, Path dir) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("clamd.out").toFile())).start();
    }

    /** Stops clamd (SIGTERM) and starts it again on the same sockets; waits until it answers. */
    public void restart() throws IOException, InterruptedException {
        close();
        process = launch(command, dir);
        awaitPong(dir);
    }

    /** Kills clamd with SIGKILL: no goodbye on its sockets, the unix socket file stays behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) clamd: a hung scanner that still holds its sockets. */
    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private static Optional<Path> binary() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "clamd");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private void awaitPong(Path dir) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        try (ClamdClient client = client(tcp, 1 << 20)) {
            while (Instant.now().isBefore(until)) {
                if (!process.isAlive()) {
                    throw new IOException("clamd exited with " + process.exitValue() + ": "
                            + Files.readString(dir.resolve("clamd.out")));
                }
                if (client.ping()) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("clamd did not answer PING within 90s; log: " + (Files.exists(log) ? Files.readString(log) : "-"));
    }

    public static ClamdClient client(ClamdEndpoint e, long maxStream) {
        return new ClamdClient(e, new ClamdSettings(Duration.ofSeconds(2), Duration.ofSeconds(20), maxStream, 4));
    }

    public ClamdEndpoint tcp() {
        return tcp;
    }

    public ClamdEndpoint unix() {
        return unix;
    }

    /** Stops clamd and waits until it is gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
