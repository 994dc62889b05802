// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import java.io.IOException;

/**
 * At end of message, reports what the content walk found: banned types and names, bombs,
 * encrypted and unreadable parts, broken MIME. It decides nothing itself: the findings imply
 * their classes and the policy picks the action.
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
        return new FilterResult(reports.of(ctx.message()).findings(), io.moat.milter.verdict.Verdict.CONTINUE);
    }
}
