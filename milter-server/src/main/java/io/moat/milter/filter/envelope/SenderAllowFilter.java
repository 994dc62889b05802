// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * At end of headers, when every recipient is known: credits {@code SENDER_ALLOWLISTED} (a large
 * negative weight) only if every accepted recipient's policy allows the sender. The message has
 * one SpamScore, so one recipient's allow-list must not lower it for the others.
 */
public final class SenderAllowFilter implements Filter {
    private final MailboxDirectory policy;
    private final double weight;

    public SenderAllowFilter(MailboxDirectory policy, double weight) {
        this.policy = policy;
        this.weight = weight;
    }

    @Override
    public String name() {
        return "sender-allow";
    }

    @Override
    public Stage stage() {
        return Stage.EOH;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        Transaction t = ctx.message();
        ReversePath sender = t.sender();
        if (sender.isNull() || t.recipients().isEmpty()) {
            return FilterResult.PASS;
        }
        List<String> by = new ArrayList<>();
        for (String rcpt : t.recipients()) {
            if (!(policy.sender(sender, rcpt) instanceof SenderListing.Allowed a)) {
                return FilterResult.PASS;
            }
            if (!by.contains(a.scope())) {
                by.add(a.scope());
            }
        }
        return FilterResult.found(Finding.of("SENDER_ALLOWLISTED", weight,
                sender.address() + " allowed by " + String.join(", ", by)));
    }
}
