// SPDX-License-Identifier: Apache-2.0
package io.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command gets an AsciiDoc man page (asciidoctor -b manpage turns it into troff), and the shell completion script is generated. */
class ManPageAndCompletionTest {
    @TempDir
    Path dir;

    @Test
    void manPagesAreWrittenForEveryCommand() throws Exception {
        CommandLine cl = MoatCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("gen-manpage", "--outdir", dir.toString())).as(err.toString()).isZero();
        assertThat(dir.resolve("moat.adoc")).exists();
        assertThat(dir.resolve("moat-quarantine-release.adoc")).exists();
        assertThat(dir.resolve("moat-scan.adoc")).exists();
        assertThat(Files.readString(dir.resolve("moat-scan.adoc"))).contains("classification");
    }

    @Test
    void bashCompletionKnowsTheNouns() {
        CommandLine cl = MoatCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("generate-completion")).isZero();
        assertThat(out.toString()).contains("quarantine").contains("complete -F");
    }
}
