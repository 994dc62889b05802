// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.List;

/**
 * The result of scoring one message: its SpamScore, its class and the findings behind them, and
 * the attached files the content walk reported (facts each recipient's policy may judge, for
 * example against its own banned types).
 */
public record Decision(double score, Classification classification, List<Finding> findings, List<AttachedFile> files) {
    public Decision {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
    }

    public Decision(double score, Classification classification, List<Finding> findings) {
        this(score, classification, findings, List.of());
    }
}
