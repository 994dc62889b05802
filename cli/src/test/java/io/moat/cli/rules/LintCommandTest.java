// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGoodFileIsOkAndListsWhatCannotRun() throws Exception {
        Path f = Files.writeString(dir.resolve("local.cf"), """
                body   LOCAL_PHRASE /act now/i
                score  LOCAL_PHRASE 1.2
                header LOCAL_PAST   eval:check_for_past_date()
                meta   LOCAL_BOTH   LOCAL_PHRASE && CLICK_HERE
                """);
        CliRun r = CliRun.run("rules", "lint", "--with-defaults", f.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("unsupported: LOCAL_PAST (" + f + ":3)").contains("ok: ");
    }

    @Test
    void aBrokenFileFailsWithFileLineAndReason() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.cf"), "body OK /fine/\nbody BROKEN /never closed\n");
        CliRun r = CliRun.run("rules", "lint", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("error: " + f + ":2: body BROKEN").contains("1 error(s): not loaded");
    }

    @Test
    void aMissingFileIsReported() {
        CliRun r = CliRun.run("rules", "lint", dir.resolve("nope.cf").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no such file");
    }
}
