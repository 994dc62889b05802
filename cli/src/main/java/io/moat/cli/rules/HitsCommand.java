// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.moat.cli.ExitCodes;
import io.moat.cli.corpus.CorpusScoring;
import io.moat.cli.OutputOptions;
import io.moat.cli.corpus.CorpusOptions;
import io.moat.cli.corpus.ProgressBar;
import io.moat.cli.learn.StateOptions;
import io.moat.rules.corpus.HitRate;
import io.moat.rules.corpus.Outcome;
import io.moat.rules.corpus.Progress;
import io.moat.rules.lang.RuleSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moat rules hits}: each rule's hit rate on spam and ham, and its spam ratio. */
@Command(name = "hits", mixinStandardHelpOptions = true,
        description = "Score labelled mail and print, for every rule that fired, the share of spam, ham and hard ham "
                + "it fired on and its spam ratio (spam%% / (spam%% + ham%%)).")
public final class HitsCommand implements Callable<Integer> {
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

    @Option(names = "--folds", defaultValue = "0",
            description = "Cross-validate the statistical filter over N folds; 0 = use --state (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

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
        Progress progress = quiet ? Progress.NONE : new ProgressBar(err);
        List<Outcome> outcomes = CorpusScoring.outcomes(corpus.read(), folds, rules, state, progress);
        List<HitRate> rates = HitRate.of(outcomes);
        if (output.json()) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rates));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%8s %8s %8s %6s %7s  %s%n", "SPAM%", "HAM%", "HARD%", "S/O", "SCORE", "RULE");
        for (HitRate r : rates) {
            out.printf(Locale.ROOT, "%8.3f %8.3f %8.3f %6.3f %7.2f  %s%n", 100 * r.spam(), 100 * r.ham(), 100 * r.hardHam(),
                    r.spamRatio(), rules.weight(r.symbol()), r.symbol());
        }
        return ExitCodes.OK;
    }
}
