// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import io.moat.cli.ExitCodes;
import io.moat.cli.corpus.CorpusOptions;
import io.moat.cli.corpus.ProgressBar;
import io.moat.rules.ContentScorer;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.corpus.CrossValidation;
import io.moat.rules.corpus.LabelledMessage;
import io.moat.rules.corpus.Outcome;
import io.moat.rules.corpus.Progress;
import io.moat.rules.corpus.Rescorer;
import io.moat.rules.lang.RuleSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moat rules rescore}: fit rule weights on labelled mail and write a score file for review. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = {"Fit rule weights (and the statistical filter's bucket weights) on labelled mail and write "
                + "them as 'score' lines. The statistical filter is cross-validated so its buckets are weighed on "
                + "mail it did not learn.",
            "Review the file, then load it after the defaults with --rules."})
public final class RescoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CorpusOptions corpus;
    @Mixin
    RuleOptions ruleOptions;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the score file.")
    Path output;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--ham-cost", defaultValue = "20", description = "How much worse a lost ham is than a missed spam (default: ${DEFAULT-VALUE}).")
    double hamCost;

    @Option(names = "--l2", defaultValue = "0.0005", description = "Regularisation strength (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (corpus.isEmpty() || folds < 2) {
            err.println("moat: give --spam and --ham folders, and --folds of at least 2");
            return ExitCodes.USAGE;
        }
        RuleSet rules = ruleOptions.loadOrReport(err);
        if (rules == null) {
            return ExitCodes.FAILED;
        }
        List<LabelledMessage> messages = corpus.read();
        Progress progress = quiet ? Progress.NONE : new ProgressBar(err);
        List<Outcome> outcomes = CrossValidation.run(messages, folds, rules, ChiSquareClassifier.DEFAULT, progress);
        double threshold = rules.requiredScore().orElse(ContentScorer.DEFAULT_THRESHOLD);
        Map<String, Double> fitted;
        try {
            fitted = Rescorer.fit(outcomes, threshold, hamCost, l2);
        } catch (IllegalStateException e) {
            err.println("moat: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.printf(Locale.ROOT, "# Proposed by 'moat rules rescore' from %d messages (%d-fold cross-validation,%n", messages.size(), folds);
        w.printf(Locale.ROOT, "# ham cost %.1f, L2 %.5f). Review before deploying; the old weight is in the comment.%n", hamCost, l2);
        fitted.forEach((symbol, weight) -> w.printf(Locale.ROOT, "score %-24s %7.3f   # was %.3f%n", symbol, weight, rules.weight(symbol)));
        w.flush();
        Files.writeString(output, text.toString(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().printf("wrote %d scores to %s%n", fitted.size(), output);
        return ExitCodes.OK;
    }
}
