// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.MoatCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReloadCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = MoatCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path config(String rulesPath, Path pid) throws Exception {
        Path c = dir.resolve("moat.yml");
        Files.writeString(c, "bayes:\n  state: none\nrules:\n  paths: [" + rulesPath + "]\npid-file: " + pid + "\n");
        return c;
    }

    @Test
    void brokenRuleFileIsReportedWithItsLineAndNothingIsSignalled() throws Exception {
        Path rules = Files.writeString(dir.resolve("local.cf"), "body LOCAL_BAD /pills/\nscore LOCAL_BAD lots\n");
        Path pid = Files.writeString(dir.resolve("pid"), "999999999\n");
        assertThat(run("rules", "reload", "--config", config(rules.toString(), pid).toString())).isEqualTo(1);
        assertThat(err.toString()).contains("local.cf").contains(":2").contains("nothing reloaded");
    }

    @Test
    void goodRulesSignalTheProcessInThePidFile() throws Exception {
        Path rules = Files.writeString(dir.resolve("local.cf"), "body LOCAL_PRICE /\\bcheap pills\\b/i\nscore LOCAL_PRICE 2.5\n");
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Path pid = Files.writeString(dir.resolve("pid"), sleeper.pid() + "\n");
            assertThat(run("rules", "reload", "--config", config(rules.toString(), pid).toString())).isZero();
            assertThat(out.toString()).contains("told to reload");
            // sleep(1) does not catch SIGHUP, so the signal ends it: proof that it was delivered.
            assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void missingPidFileIsAClearFailure() throws Exception {
        assertThat(run("rules", "reload", "--config", config("/nonexistent", dir.resolve("nope.pid")).toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no pid file");
    }
}
