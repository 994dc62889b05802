// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import io.moat.rules.bayes.BayesVerdict;
import java.util.List;

/**
 * The content score of one message: findings (heaviest first), their total, the threshold it
 * was compared with, and the statistical filter's verdict with its clues.
 */
public record ContentReport(List<Finding> findings, double score, double threshold, BayesVerdict bayes) {
    public ContentReport {
        findings = List.copyOf(findings);
    }

    public boolean isSpam() {
        return score >= threshold;
    }

    public boolean fired(String symbol) {
        return findings.stream().anyMatch(f -> f.symbol().equals(symbol));
    }
}
