// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * At end of message, reports what the content walk found: banned types and names under the
 * global list, bombs, encrypted and unreadable parts, broken MIME, and every part it looked at
 * (type and name, as {@code ATTACHMENT} facts) so each recipient's own banned list can be applied
 * to it. It decides nothing itself: the findings imply their classes and the policy picks the action.
 */
public final class AttachmentFilter implements Filter {
    private final ContentReports reports;

    public AttachmentFilter(ContentReports reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "attachments";
    }

    @Override
    public Stage stage() {
        return Stage.EOM;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) throws IOException {
        ContentReport report = reports.of(ctx.message());
        List<Finding> out = new ArrayList<>(report.findings().size() + report.parts().size());
        out.addAll(report.findings());
        report.parts().forEach(p -> out.add(p.file().finding()));
        return new FilterResult(out, Verdict.CONTINUE);
    }
}
