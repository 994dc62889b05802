// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import io.moat.cli.learn.StateOptions;
import io.moat.rules.ContentScorer;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.corpus.CrossValidation;
import io.moat.rules.corpus.Evaluation;
import io.moat.rules.corpus.LabelledMessage;
import io.moat.rules.corpus.Outcome;
import io.moat.rules.corpus.Progress;
import io.moat.rules.lang.RuleSet;
import java.io.IOException;
import java.util.List;

/** How the corpus commands score labelled mail: cross-validated over folds, or with a given state. */
public final class CorpusScoring {
    private CorpusScoring() {
    }

    /** With {@code folds} of 0 the state file is used as it is; otherwise the filter is cross-validated. */
    public static List<Outcome> outcomes(List<LabelledMessage> messages, int folds, RuleSet rules, StateOptions state,
            Progress progress) throws IOException {
        return outcomes(messages, folds, 0, rules, state, progress);
    }

    /** Likewise, with the folds dealt by {@code seed}. */
    public static List<Outcome> outcomes(List<LabelledMessage> messages, int folds, int seed, RuleSet rules,
            StateOptions state, Progress progress) throws IOException {
        return folds == 0
                ? Evaluation.score(messages, new ContentScorer(rules, state.openOrEmpty(), new Tokenizer(),
                        ChiSquareClassifier.DEFAULT), progress)
                : CrossValidation.run(messages, folds, seed, rules, ChiSquareClassifier.DEFAULT, progress);
    }
}
