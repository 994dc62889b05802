// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.List;

/** What the statistical filter says about a message. */
public sealed interface BayesVerdict {
    /** Too little was learned to judge (fewer messages of a class than the minimum). */
    record Untrained(TokenCounts learned, int minimum) implements BayesVerdict {
    }

    /**
     * The spam probability (0 ham .. 1 spam) and the strongest clues, strongest first.
     */
    record Scored(double probability, List<Clue> clues) implements BayesVerdict {
        public Scored {
            clues = List.copyOf(clues);
        }
    }
}
