// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.offline;

import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.util.List;

/** What the pipeline concluded about one message file. */
public record ScanReport(String file, Classification classification, double score, Action action, List<Finding> findings) {
    public ScanReport {
        findings = List.copyOf(findings);
    }
}
