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
}
