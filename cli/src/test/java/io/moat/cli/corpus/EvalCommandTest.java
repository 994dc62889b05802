// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moat.cli.options.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void crossValidationPrintsATableAndAProgressBar() throws Exception {
        Path c = SyntheticCorpus.write(dir, 25);
        CliRun r = CliRun.run("corpus", "eval", "--folds", "2", "--spam", c.resolve("spam").toString(),
                "--ham", c.resolve("ham").toString(), "--hard-ham", c.resolve("ham.mbox").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("25 spam, 25 ham, 25 hard ham", "2-fold cross-validation", "spam recall",
                "recall at 0.1% FP", "CPU per message");
        assertThat(r.err()).contains("fold 2/2");
    }

    @Test
    void jsonHasEveryFigure() throws Exception {
        Path c = SyntheticCorpus.write(dir, 25);
        CliRun r = CliRun.run("corpus", "eval", "--quiet", "--json", "--folds", "5", "--spam", c.resolve("spam").toString(),
                "--ham", c.resolve("ham").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("spam").asInt()).isEqualTo(25);
        assertThat(json.get("spamRecall").asDouble()).isEqualTo(1.0);
        assertThat(json.get("hamFalsePositiveRate").asDouble()).isZero();
        assertThat(json.get("recallAtFalsePositiveRate").fieldNames()).toIterable().containsExactly("0%", "0.1%", "0.5%", "1%");
        assertThat(json.get("cpuMillisPerMessage").asDouble()).isPositive();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void oneFoldIsAUsageError() {
        CliRun r = CliRun.run("corpus", "eval", "--folds", "1", "--spam", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
    }
}
