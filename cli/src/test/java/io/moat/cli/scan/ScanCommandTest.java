// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moat.cli.MoatCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) throws Exception {
        Path config = dir.resolve("moat.yml");
        Files.writeString(config, "bayes:\n  state: none\nrules:\n  paths: []\n");
        return scan(config, args);
    }

    private Path message(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "From: a@example.org\nTo: b@example.net\nSubject: test\nDate: Mon, 2 Sep 2002 10:00:00 +0000\n"
                + "Message-ID: <1@example.org>\n\n" + body + "\n");
        return p;
    }

    @Test
    void gtubeIsClassedSpamAndRejectedInJson() throws Exception {
        Path m = message("gtube.eml", "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X");
        assertThat(run("--json", m.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(json.get("file").asText()).isEqualTo(m.toString());
        assertThat(json.get("classification").asText()).isEqualTo("spam");
        assertThat(json.get("action").asText()).isEqualTo("reject");
        assertThat(json.get("score").asDouble()).isGreaterThanOrEqualTo(1000);
        assertThat(json.get("findings").findValuesAsText("symbol")).contains("GTUBE");
    }

    @Test
    void plainNoteIsCleanAndPrintedAsALine() throws Exception {
        Path m = message("note.eml", "Lunch at noon tomorrow? The usual place.");
        assertThat(run(m.toString())).isZero();
        assertThat(out.toString()).startsWith(m + ": clean, score ").contains("action deliver");
    }

    @Test
    void folderIsScannedFileByFile() throws Exception {
        message("a.eml", "one");
        message("b.eml", "two");
        assertThat(run("--json", dir.toString())).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("{")).count()).isEqualTo(3); // a, b, moat.yml
    }

    @Test
    void missingFileIsAFailureWithAClearMessage() throws Exception {
        assertThat(run(dir.resolve("nope.eml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("nope.eml: no such file").doesNotContain("Exception");
    }

    @Test
    void noFileIsAUsageError() throws Exception {
        CommandLine cl = MoatCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("scan")).isEqualTo(2);
        assertThat(err.toString()).contains("FILE");
    }

    @Test
    void aRecipientIsJudgedByItsDomainsBannedListAndItsStorePolicy() throws Exception {
        Path config = dir.resolve("recipients.yml");
        Files.writeString(config, "bayes:\n  state: none\nrules:\n  paths: []\nstore:\n  url: jdbc:sqlite:" + dir.resolve("moat.db")
                + "\nenvelope:\n  domains:\n    strict.example:\n      banned-extensions: [pdf]\n");
        Path m = dir.resolve("report.eml");
        Files.writeString(m, """
                From: a@example.org
                To: b@strict.example
                Subject: the report
                Date: Mon, 2 Sep 2002 10:00:00 +0000
                Message-ID: <2@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                Here is the report.
                --b1
                Content-Type: application/pdf; name="report.pdf"
                Content-Disposition: attachment; filename="report.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK
                --b1--
                """);
        assertThat(scan(config, m.toString())).as(err::toString).isZero();
        assertThat(out.toString()).startsWith(m + ": clean");
        out.getBuffer().setLength(0);
        assertThat(scan(config, "--recipient", "B@Strict.Example", m.toString())).as(err::toString).isZero();
        assertThat(out.toString()).startsWith(m + ": banned").contains("action reject");

        CommandLine cli = MoatCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("domain", "add", "strict.example", "--config", config.toString())).isZero();
        assertThat(cli.execute("policy", "set", "strict.example", "action.banned", "quarantine", "--config", config.toString())).isZero();
        out.getBuffer().setLength(0);
        assertThat(scan(config, "--recipient", "b@strict.example", m.toString())).isZero();
        assertThat(out.toString()).startsWith(m + ": banned").contains("action quarantine");
    }

    private int scan(Path config, String... args) {
        CommandLine cl = MoatCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "scan";
        all[1] = "--config=" + config;
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }
}
