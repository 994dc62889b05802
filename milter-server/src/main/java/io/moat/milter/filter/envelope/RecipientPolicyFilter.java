// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ReversePath;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;

/**
 * At RCPT TO, for each recipient on its own: an unknown address of a protected domain is refused
 * (550 5.1.1), and so is a sender that recipient's policy blocks (550 5.7.1). The other
 * recipients of the message are not affected. Unknown recipients are checked first, so a block
 * list never tells a prober which addresses exist.
 */
public final class RecipientPolicyFilter implements Filter {
    private final MailboxDirectory policy;

    public RecipientPolicyFilter(MailboxDirectory policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "recipient-policy";
    }

    @Override
    public Stage stage() {
        return Stage.RCPT;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        String rcpt = ctx.recipient();
        if (rcpt == null) {
            return FilterResult.PASS;
        }
        String address = ReversePath.parse(rcpt).address();
        if (policy.mailbox(rcpt) == MailboxStatus.UNKNOWN) {
            return FilterResult.decide(new Verdict.Reject(new SmtpReply(550, "5.1.1",
                            "<" + printable(address) + ">: Recipient address rejected: User unknown")),
                    Finding.of("RCPT_UNKNOWN", 0, address));
        }
        ReversePath sender = ctx.message().sender();
        return switch (policy.sender(sender, rcpt)) {
            case SenderListing.Blocked b -> FilterResult.decide(
                    new Verdict.Reject(new SmtpReply(550, "5.7.1", "Sender address rejected: blocked by the recipient's policy")),
                    Finding.of("SENDER_BLOCKLISTED", 0, sender.address() + " blocked for " + address + " by " + b.scope()
                            + " entry " + b.entry()));
            case SenderListing.Allowed a -> FilterResult.PASS;
            case SenderListing.Unlisted u -> FilterResult.PASS;
        };
    }

    /** The address as it may appear in a reply: printable ASCII only. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 256));
        for (int i = 0; i < s.length() && i < 256; i++) {
            char c = s.charAt(i);
            sb.append(c > 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }
}
