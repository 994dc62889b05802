// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.pipeline;

import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.util.List;

/** What a filter (or a whole stage) concluded: what it found, and what should happen. */
public record FilterResult(List<Finding> findings, Verdict verdict) {
    public static final FilterResult PASS = new FilterResult(List.of(), Verdict.CONTINUE);

    public FilterResult {
        findings = List.copyOf(findings);
    }

    public static FilterResult found(Finding... findings) {
        return new FilterResult(List.of(findings), Verdict.CONTINUE);
    }

    public static FilterResult decide(Verdict verdict, Finding... findings) {
        return new FilterResult(List.of(findings), verdict);
    }
}
