// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.corpus.SyntheticCorpus;
import io.moat.cli.options.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {
    @TempDir
    Path dir;

    @Test
    void learningIsIdempotentAndRelearningMoves() throws Exception {
        Path corpus = SyntheticCorpus.write(dir.resolve("c"), 6);
        String state = dir.resolve("bayes.state").toString();
        CliRun first = CliRun.run("learn", "--quiet", "--state", state, "--spam", corpus.resolve("spam").toString(),
                "--ham", corpus.resolve("ham").toString(), "--ham", corpus.resolve("ham.mbox").toString());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).contains("learned 18, moved 0, unchanged 0; state now holds 6 spam and 12 ham");
        assertThat(Files.exists(Path.of(state))).isTrue();

        CliRun again = CliRun.run("learn", "--quiet", "--state", state, "--spam", corpus.resolve("spam").toString());
        assertThat(again.out()).contains("learned 0, moved 0, unchanged 6; state now holds 6 spam and 12 ham");

        CliRun moved = CliRun.run("learn", "--quiet", "--state", state, "--ham", corpus.resolve("spam").toString());
        assertThat(moved.out()).contains("learned 0, moved 6, unchanged 0; state now holds 0 spam and 18 ham");
    }

    @Test
    void withoutMailItIsAUsageError() {
        CliRun r = CliRun.run("learn", "--state", dir.resolve("s").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--spam");
    }
}
