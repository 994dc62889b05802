// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import io.moat.cli.ExitCodes;
import io.moat.cli.learn.StateOptions;
import io.moat.rules.ContentReport;
import io.moat.rules.ContentScorer;
import io.moat.rules.Finding;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.lang.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moat rules test FILE}: score one message and show why. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Score one message file with the rules and the statistical filter and list the findings.")
public final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RuleOptions ruleOptions;
    @Mixin
    StateOptions state;

    @Parameters(paramLabel = "FILE", description = "The message (RFC 5322, an mbox From line is fine).")
    Path file;

    @Option(names = "--explain", description = "Show each finding's detail, with the statistical filter's strongest tokens.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("moat: no such file: " + file);
            return ExitCodes.FAILED;
        }
        RuleSet rules = ruleOptions.loadOrReport(err);
        if (rules == null) {
            return ExitCodes.FAILED;
        }
        ContentScorer scorer = new ContentScorer(rules, state.openOrEmpty(), new Tokenizer(), ChiSquareClassifier.DEFAULT);
        ContentReport report = scorer.score(Files.readAllBytes(file));
        out.printf(Locale.ROOT, "score %.2f / %.2f: %s%n", report.score(), report.threshold(), report.isSpam() ? "spam" : "not spam");
        for (Finding f : report.findings()) {
            out.printf(Locale.ROOT, "%7.2f  %-24s %s%n", f.weight(), f.symbol(), f.description());
            if (explain && !f.detail().isEmpty()) {
                out.printf(Locale.ROOT, "         %s%n", f.detail());
            }
        }
        return ExitCodes.OK;
    }
}
