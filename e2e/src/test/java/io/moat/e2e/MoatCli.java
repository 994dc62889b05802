// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real {@code moat} CLI: the shaded cli/target/moat.jar run as a child JVM, as an operator runs it. */
final class MoatCli {
    private final Path jar;

    private MoatCli(Path jar) {
        this.jar = jar;
    }

    static MoatCli fromBuild() {
        String p = System.getProperty("moat.cli.jar");
        Path jar = Path.of(p == null ? "../cli/target/moat.jar" : p).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it with ./mvnw -pl cli -am package");
        }
        return new MoatCli(jar);
    }

    /** Runs {@code moat ARGS...} and returns its exit code and output (C1 only: a short-lived JVM starts faster). */
    Exec.Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return Exec.run(Duration.ofSeconds(60), cmd);
    }

    /** Runs the command and fails with its output unless it exits 0. */
    String ok(String... args) {
        return run(args).requireSuccess().output();
    }

    /**
     * {@code moat log search --message-id <ID> --json}: the message log rows of one message, polled
     * until there are {@code rows} of them (the daemon writes the log from a background thread).
     */
    String messageLog(Path config, String messageId, int rows) {
        String[] out = {""};
        Waits.until(rows + " message log rows of " + messageId, Duration.ofSeconds(30), () -> {
            Exec.Result r = run("log", "search", "--message-id", "<" + messageId + ">", "--json", "--config", config.toString());
            out[0] = r.output();
            return r.exitCode() == 0 && out[0].split("\"messageId\"", -1).length - 1 >= rows;
        }, () -> out[0]);
        return out[0];
    }

    /** {@code moat quarantine list --recipient ADDRESS --json}: what is held for one recipient. */
    String quarantineFor(Path config, String recipient) {
        return ok("quarantine", "list", "--recipient", recipient, "--json", "--config", config.toString());
    }
}
