// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns findings into one {@link Decision}: the SpamScore is the sum of the weights; the class is
 * the strongest class any finding implies, else spam when the score reaches the threshold, else
 * clean. Findings that only carry an attached file are set apart as the decision's files.
 */
public final class Scorer {
    private final double spamThreshold;

    public Scorer(double spamThreshold) {
        this.spamThreshold = spamThreshold;
    }

    public Decision decide(List<Finding> all) {
        double score = 0;
        Classification cls = Classification.CLEAN;
        List<Finding> findings = new ArrayList<>(all.size());
        List<AttachedFile> files = new ArrayList<>();
        for (Finding f : all) {
            if (f.file() != null) {
                files.add(f.file());
                continue;
            }
            findings.add(f);
            score += f.weight();
            if (f.implies() != null) {
                cls = cls.strongest(f.implies());
            }
        }
        if (score >= spamThreshold) {
            cls = cls.strongest(Classification.SPAM);
        }
        return new Decision(Math.round(score * 100) / 100.0, cls, findings, files);
    }
}
