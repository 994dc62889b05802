// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.util.OptionalLong;

/**
 * Refuses at MAIL FROM a message whose declared SIZE= (RFC 1870) is over the limit, before a byte
 * of it is sent, when policy rejects oversized mail.
 */
public final class DeclaredSizeFilter implements Filter {
    private final long maxMessageSize;
    private final ActionPolicy policy;

    public DeclaredSizeFilter(long maxMessageSize, ActionPolicy policy) {
        this.maxMessageSize = maxMessageSize;
        this.policy = policy;
    }

    @Override
    public String name() {
        return "declared-size";
    }

    @Override
    public Stage stage() {
        return Stage.MAIL;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        OptionalLong declared = ctx.message().declaredSize();
        if (declared.isEmpty() || declared.getAsLong() <= maxMessageSize) {
            return FilterResult.PASS;
        }
        Finding f = new Finding("SIZE_DECLARED_OVER_LIMIT", 0,
                "SIZE=" + declared.getAsLong() + " > " + maxMessageSize, Classification.OVERSIZED);
        if (policy.actionFor(Classification.OVERSIZED) != Action.REJECT) {
            return FilterResult.found(f);
        }
        return FilterResult.decide(new Verdict.Reject(new SmtpReply(552, "5.3.4", "Message size exceeds fixed limit")), f);
    }
}
