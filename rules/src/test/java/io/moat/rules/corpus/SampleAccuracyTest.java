// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.rules.ComputedSymbols;
import io.moat.rules.ContentScorer;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.lang.LoadResult;
import io.moat.rules.lang.RuleSet;
import io.moat.rules.lang.RuleSetLoader;
import io.moat.rules.lang.RuleSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Accuracy regression: 5-fold cross-validation of the default rules and the statistical filter
 * on the committed sample ({@code test-corpus/samples}), compared with
 * {@code test-corpus/baseline.csv}. Fails only when a figure is worse than the baseline. Run
 * with {@code -Dmoat.baseline.update=true} to record a new baseline after an intended change.
 */
@Tag("corpus")
class SampleAccuracyTest {
    private static final Path SAMPLES = Path.of("../test-corpus/samples");
    private static final Path BASELINE = Path.of("../test-corpus/baseline.csv");

    @Test
    void accuracyOnTheSampleIsNoWorseThanTheBaseline() throws IOException {
        RuleSet rules = ((LoadResult.Loaded) RuleSetLoader.load(RuleSource.defaults(), ComputedSymbols.ALL)).rules();
        List<Outcome> outcomes = CrossValidation.run(sample(), 5, rules, ChiSquareClassifier.DEFAULT, Progress.NONE);
        Metrics m = Metrics.of(outcomes, rules.requiredScore().orElse(ContentScorer.DEFAULT_THRESHOLD));
        Map<String, Double> now = new LinkedHashMap<>();
        now.put("spam_recall", m.spamRecall());
        now.put("recall_at_0.5pct_fp", m.recallAtFalsePositives().get(0.005));
        now.put("ham_fp_rate", m.hamFalsePositiveRate());
        now.put("hard_ham_fp_rate", m.hardHamFalsePositiveRate());
        if (Boolean.getBoolean("moat.baseline.update")) {
            StringBuilder csv = new StringBuilder("metric,value\n");
            now.forEach((k, v) -> csv.append(k).append(',').append(String.format(Locale.ROOT, "%.4f", v)).append('\n'));
            Files.writeString(BASELINE, csv, StandardCharsets.UTF_8);
        }
        Map<String, Double> baseline = baseline();
        assertThat(m.spam() + m.ham() + m.hardHam()).isEqualTo(350);
        assertThat(now.get("spam_recall")).as("spam recall").isGreaterThanOrEqualTo(baseline.get("spam_recall") - 1e-4);
        assertThat(now.get("recall_at_0.5pct_fp")).as("recall at 0.5% FP")
                .isGreaterThanOrEqualTo(baseline.get("recall_at_0.5pct_fp") - 1e-4);
        assertThat(now.get("ham_fp_rate")).as("ham FP rate").isLessThanOrEqualTo(baseline.get("ham_fp_rate") + 1e-4);
        assertThat(now.get("hard_ham_fp_rate")).as("hard-ham FP rate").isLessThanOrEqualTo(baseline.get("hard_ham_fp_rate") + 1e-4);
    }

    private static List<LabelledMessage> sample() throws IOException {
        List<LabelledMessage> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(SAMPLES.resolve("labels.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Kind kind = switch (f[1]) {
                case "spam" -> Kind.SPAM;
                case "ham" -> Kind.HAM;
                default -> Kind.HARD_HAM;
            };
            out.add(new LabelledMessage(new CorpusMessage(f[0], Files.readAllBytes(SAMPLES.resolve(f[0]))), kind));
        }
        return out;
    }

    private static Map<String, Double> baseline() throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(BASELINE, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f.length == 2 && !f[0].equals("metric")) {
                out.put(f[0], Double.parseDouble(f[1]));
            }
        }
        return out;
    }
}
