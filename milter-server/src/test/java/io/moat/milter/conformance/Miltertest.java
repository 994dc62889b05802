// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the Lua scripts in {@code src/it/miltertest} with Debian's {@code miltertest}.
 * The script is told where the daemon listens through {@code -D socket=...} and where its
 * helpers are through {@code -D dir=...}. Without miltertest installed the calling test is
 * skipped, except on CI ({@code CI=true}), where a missing client is a failure.
 */
final class Miltertest {
    /** Where the scripts live, relative to the module (Maven runs tests from there). */
    static final Path SCRIPTS = Path.of("src", "it", "miltertest").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 60;

    /** What a run printed (stdout and stderr together) and how it ended. */
    record Run(String script, int exitCode, String output) {
        /** Each script prints "PASS name" when all its checks hold. */
        boolean passed() {
            return exitCode == 0 && output.lines().anyMatch(l -> l.equals("PASS " + script));
        }
    }

    private Miltertest() {
    }

    /** Skips the calling test when miltertest is missing, or fails it on CI. */
    static void requireInstalled() {
        if (installed()) {
            return;
        }
        String why = "Debian's miltertest is not installed (apt-get install miltertest)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; it is required on CI");
        }
        Assumptions.abort(why);
    }

    static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "miltertest"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code name.lua} against the daemon at {@code socket}, in miltertest's notation. */
    static Run run(String name, String socket) {
        Path script = SCRIPTS.resolve(name + ".lua");
        List<String> command = List.of("miltertest", "-D", "socket=" + socket, "-D", "dir=" + SCRIPTS, "-s", script.toString());
        try {
            Path log = Files.createTempFile("miltertest-" + name, ".out");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!ended) {
                    p.destroyForcibly().waitFor();
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                return ended ? new Run(name, p.exitValue(), out) : new Run(name, -1, out + "\n(timed out)");
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    /** Runs a script and fails with its output unless it exited 0 and printed "PASS name". */
    static void assertPasses(String script, String socket) {
        Run run = run(script, socket);
        assertThat(run.passed())
                .as("miltertest %s.lua against %s exited %d:%n%s", script, socket, run.exitCode(), run.output()).isTrue();
    }

    /** miltertest's notation for a TCP address: {@code inet:PORT@HOST}. */
    static String inet(int port) {
        return "inet:" + port + "@127.0.0.1";
    }

    static String unix(Path socket) {
        return "unix:" + socket;
    }
}
