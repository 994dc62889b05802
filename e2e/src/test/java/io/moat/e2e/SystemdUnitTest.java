// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd/moat-milter.service: valid for systemd, and consistent with the daemon's own defaults. */
class SystemdUnitTest {
    private static final Path UNIT = PostfixConf.directory().resolveSibling("systemd").resolve("moat-milter.service");

    @Test
    void unitPassesSystemdAnalyzeVerify(@TempDir Path dir) throws IOException {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "skipped: systemd-analyze is not installed");
        // The daemon is not installed on a build machine; verify checks ExecStart= binaries exist.
        Path copy = dir.resolve("moat-milter.service");
        Files.writeString(copy, Files.readString(UNIT, StandardCharsets.UTF_8).replace("/usr/bin/moat-milter", "/bin/true"));

        Exec.Result r = Exec.run(Duration.ofSeconds(60), analyze.toString(), "verify", copy.toString());

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output().lines().filter(l -> l.contains("moat-milter.service"))).as(r.output()).isEmpty();
    }

    @Test
    void systemdWaitsLongerThanTheDaemonsShutdownGraceBeforeKilling() throws IOException {
        Duration grace = new ConfigLoader("localhost", Path.of("/tmp")).defaults().shutdownGrace();

        assertThat(setting("TimeoutStopSec")).isEqualTo("45s");
        assertThat(Duration.ofSeconds(45)).isGreaterThan(grace);
    }

    @Test
    void runsTheDaemonUnprivilegedAndRestartsItOnFailure() throws IOException {
        assertThat(setting("Type")).isEqualTo("simple");
        assertThat(setting("ExecStart")).isEqualTo("/usr/bin/moat-milter --config /etc/moat/moat.yml");
        assertThat(setting("User")).isEqualTo("moat");
        assertThat(setting("Restart")).isEqualTo("on-failure");
        assertThat(setting("NoNewPrivileges")).isEqualTo("yes");
        assertThat(setting("ProtectSystem")).isEqualTo("strict");
        assertThat(setting("CapabilityBoundingSet")).isEmpty();
    }

    private static String setting(String key) throws IOException {
        List<String> values = Files.readAllLines(UNIT, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).strip())
                .toList();
        assertThat(values).as(key + " in " + UNIT).hasSize(1);
        return values.getFirst();
    }
}
