// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * At end of headers: runs every {@link HeaderCheck} over the message's fields and reports their
 * findings. It decides nothing itself: the bad-header class comes from the findings' implied class
 * and the action from policy, at end of message.
 */
public final class HeaderCheckFilter implements Filter {
    private final List<HeaderCheck> checks;

    public HeaderCheckFilter(List<HeaderCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** All checks Moat ships, in report order. */
    public static HeaderCheckFilter standard() {
        return new HeaderCheckFilter(List.of(new FieldCountCheck(), new AddressCheck(), new EightBitCheck(),
                new ReceivedCheck(), new DomainMismatchCheck()));
    }

    @Override
    public String name() {
        return "header-checks";
    }

    @Override
    public Stage stage() {
        return Stage.EOH;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        Transaction t = ctx.message();
        return new FilterResult(check(new MessageHeaders(t.headers(), t.sender())), Verdict.CONTINUE);
    }

    public List<Finding> check(MessageHeaders headers) {
        List<Finding> out = new ArrayList<>();
        for (HeaderCheck c : checks) {
            out.addAll(c.check(headers));
        }
        return out;
    }
}
