// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.List;

/**
 * Turns findings into one {@link Decision}: the SpamScore is the sum of the weights; the class is
 * the strongest class any finding implies, else spam when the score reaches the threshold, else
 * clean.
 */
public final class Scorer {
    private final double spamThreshold;

    public Scorer(double spamThreshold) {
        this.spamThreshold = spamThreshold;
    }

    public Decision decide(List<Finding> findings) {
        double score = 0;
        Classification cls = Classification.CLEAN;
        for (Finding f : findings) {
            score += f.weight();
            if (f.implies() != null) {
                cls = cls.strongest(f.implies());
            }
        }
        if (score >= spamThreshold) {
            cls = cls.strongest(Classification.SPAM);
        }
        return new Decision(Math.round(score * 100) / 100.0, cls, findings);
    }
}
