// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.List;

/** The result of scoring one message: its SpamScore, its class and the findings behind them. */
public record Decision(double score, Classification classification, List<Finding> findings) {
    public Decision {
        findings = List.copyOf(findings);
    }
}
