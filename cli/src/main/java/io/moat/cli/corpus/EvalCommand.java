// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.moat.cli.ExitCodes;
import io.moat.cli.OutputOptions;
import io.moat.cli.learn.StateOptions;
import io.moat.cli.rules.RuleOptions;
import io.moat.rules.ContentScorer;
import io.moat.rules.corpus.LabelledMessage;
import io.moat.rules.corpus.Metrics;
import io.moat.rules.corpus.Outcome;
import io.moat.rules.corpus.Progress;
import io.moat.rules.lang.RuleSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moat corpus eval}: accuracy and speed of the content score on labelled mail. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score labelled mail and print spam recall, false-positive rates, recall at 0%%, 0.1%%, 0.5%% "
                + "and 1%% false positives, and CPU time per message.",
            "With --folds N (default 5) the statistical filter is cross-validated: trained on N-1 folds, "
                + "scored on the last. With --folds 0 the state given by --state is used as it is."})
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CorpusOptions corpus;
    @Mixin
    RuleOptions ruleOptions;
    @Mixin
    StateOptions state;
    @Mixin
    OutputOptions output;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds; 0 = use --state (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "0",
            description = "Deal the cross-validation folds differently (default: ${DEFAULT-VALUE}); "
                    + "run several seeds to see how much a figure owes to one split.")
    int seed;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--show-errors", description = "Also list the missed spam and the ham marked spam.")
    boolean showErrors;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (corpus.isEmpty() || folds == 1 || folds < 0) {
            err.println("moat: give --spam/--ham/--hard-ham folders, and --folds 0 or at least 2");
            return ExitCodes.USAGE;
        }
        RuleSet rules = ruleOptions.loadOrReport(err);
        if (rules == null) {
            return ExitCodes.FAILED;
        }
        List<LabelledMessage> messages = corpus.read();
        Progress progress = quiet ? Progress.NONE : new ProgressBar(err);
        List<Outcome> outcomes = CorpusScoring.outcomes(messages, folds, seed, rules, state, progress);
        Metrics metrics = Metrics.of(outcomes, rules.requiredScore().orElse(ContentScorer.DEFAULT_THRESHOLD));
        if (output.json()) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(MetricsText.json(metrics, folds)));
        } else {
            MetricsText.table(metrics, folds, out);
        }
        if (showErrors) {
            MetricsText.errors(outcomes, metrics.threshold(), out);
        }
        return ExitCodes.OK;
    }
}
