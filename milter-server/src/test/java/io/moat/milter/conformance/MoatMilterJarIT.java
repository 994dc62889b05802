// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged daemon as an admin runs it: {@code java -jar target/moat-milter.jar} with
 * {@code --config} (a SQLite store in the test's directory) and
 * {@code --listen inet:127.0.0.1:0 --listen unix:PATH}, driven by miltertest. Checks the
 * gateway log lines the daemon prints on standard output, one per message, with the right
 * Postfix queue id for each message of a reused connection. Runs after {@code package}
 * (Failsafe), since it needs the shaded jar.
 */
class MoatMilterJarIT {
    private static final Path JAR = Path.of("target", "moat-milter.jar").toAbsolutePath();
    private static final Pattern INET = Pattern.compile("listening on inet:/127\\.0\\.0\\.1:(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static Process daemon;
    private static Path stdout;
    private static Path stderr;
    private static int port;

    @BeforeAll
    static void startTheJar() throws Exception {
        Miltertest.requireInstalled();
        assertThat(JAR).as("the shaded jar; run with ./mvnw verify").isRegularFile();
        stdout = dir.resolve("stdout.log");
        stderr = dir.resolve("stderr.log");
        // The embedded default store is /var/lib/moat/moat.db: point it at the test's directory.
        Path config = dir.resolve("moat.yml");
        Files.writeString(config, "store:\n  url: jdbc:sqlite:" + dir.resolve("moat.db") + "\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        daemon = new ProcessBuilder(java, "-Xmx128m", "-jar", JAR.toString(), "--config", config.toString(),
                "--listen", "inet:127.0.0.1:0", "--listen", "unix:" + dir.resolve("moat.sock"))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        port = awaitPort();
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void logsEachMessageOfAReusedConnectionWithItsOwnQueueId() throws Exception {
        Miltertest.Run run = Miltertest.run("abort", Miltertest.inet(port));
        assertThat(run.passed()).as("abort.lua:%n%s", run.output()).isTrue();
        List<String> lines = awaitLines("@example.org>", 3);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches(".* deliver clean <first@example\\.org> <one@example\\.net> \"first\" \\S+ [-0-9.]+ \\d+ ABT001 client=192\\.0\\.2\\.7 .*");
        assertThat(lines.get(1)).matches(".* deliver clean <third@example\\.org> <three@example\\.net> \"third\" \\S+ [-0-9.]+ \\d+ ABT003 client=.*");
        assertThat(lines.get(2)).matches(".* deliver clean <fourth@example\\.org> <four@example\\.net> \"fourth\" \\S+ [-0-9.]+ \\d+ - client=.*");
        assertThat(String.join("\n", lines)).doesNotContain("ABT002", "second@example.org");
    }

    @Test
    void servesTheUnixSocketGivenOnTheCommandLine() throws Exception {
        Miltertest.Run run = Miltertest.run("unix", Miltertest.unix(dir.resolve("moat.sock")));
        assertThat(run.passed()).as("unix.lua:%n%s", run.output()).isTrue();
        List<String> lines = awaitLines(" UNX00", 2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(" deliver clean ", "\"over a unix socket\"", " UNX001 client=127.0.0.1 ");
        assertThat(lines.get(1)).contains(" reject spam ", " UNX002 ", " findings=GTUBE");
    }

    private static int awaitPort() throws IOException, InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            Matcher m = INET.matcher(err);
            if (m.find() && err.contains("moat-milter ready")) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(daemon.isAlive()).as("daemon exited early:%n%s", err).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("daemon not ready after " + WAIT + ":\n" + Files.readString(stderr));
    }

    /** The stdout lines containing {@code marker}, once there are {@code count} of them. */
    private static List<String> awaitLines(String marker, int count) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> lines;
        do {
            lines = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).toList();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        return lines;
    }
}
