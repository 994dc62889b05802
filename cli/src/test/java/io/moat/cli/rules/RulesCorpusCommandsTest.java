// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.corpus.SyntheticCorpus;
import io.moat.cli.options.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCorpusCommandsTest {
    @TempDir
    Path dir;

    @Test
    void hitsShowsEachRulesRateOnSpamAndHam() throws Exception {
        Path c = SyntheticCorpus.write(dir.resolve("c"), 20);
        CliRun r = CliRun.run("rules", "hits", "--quiet", "--folds", "2", "--spam", c.resolve("spam").toString(),
                "--ham", c.resolve("ham").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("SPAM%", "S/O");
        assertThat(r.out().lines().filter(l -> l.endsWith("CLICK_HERE"))).singleElement().asString()
                .startsWith(" 100.000    0.000");
    }

    @Test
    void rescoreWritesAScoreFileForReview() throws Exception {
        Path c = SyntheticCorpus.write(dir.resolve("c"), 20);
        Path out = dir.resolve("scores.cf");
        CliRun r = CliRun.run("rules", "rescore", "--quiet", "--folds", "2", "-o", out.toString(),
                "--spam", c.resolve("spam").toString(), "--ham", c.resolve("ham").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        String text = Files.readString(out);
        assertThat(text).startsWith("# Proposed by 'moat rules rescore'").contains("score CLICK_HERE");
        CliRun lint = CliRun.run("rules", "lint", out.toString());
        assertThat(lint.exit()).as(lint.toString()).isZero();
    }

    @Test
    void testExplainsTheFindingsOfOneMessage() throws Exception {
        Path c = SyntheticCorpus.write(dir.resolve("c"), 25);
        String state = dir.resolve("s.state").toString();
        CliRun.run("learn", "--quiet", "--state", state, "--spam", c.resolve("spam").toString(), "--ham", c.resolve("ham").toString());
        CliRun r = CliRun.run("rules", "test", "--explain", "--state", state, c.resolve("spam/3.eml").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains(": spam").contains("BAYES_999").contains("p=").contains("CLICK_HERE");
    }
}
