// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.OnError;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ReversePath;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * At RCPT TO: refuses the recipient (550 5.7.1, naming the list) when a list marked
 * {@code reject: true} lists the client or the sender's domain. Rejecting here rather than at
 * CONNECT keeps the sender and recipient in the MTA's log, lets postmaster@ and abuse@ still
 * receive (RFC 5321 section 4.5.1), and does not end the session for the MTA. A client on an
 * allow-list (a listing with negative weight) is never refused by a list, nor is a recipient the
 * {@link RejectExemption} names (one whose envelope policy allows the sender).
 */
public final class RblRecipientFilter implements Filter {
    private final ClientReputation reputation;
    private final RejectExemption exemption;

    public RblRecipientFilter(ClientReputation reputation, RejectExemption exemption) {
        this.reputation = reputation;
        this.exemption = exemption;
    }

    @Override
    public String name() {
        return "rbl-recipient";
    }

    @Override
    public Stage stage() {
        return Stage.RCPT;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        String rcpt = ctx.recipient() == null ? "" : ReversePath.parse(ctx.recipient()).address().toLowerCase(Locale.ROOT);
        boolean role = rcpt.startsWith("postmaster@") || rcpt.startsWith("abuse@") || rcpt.equals("postmaster");
        if (role || exemption.exempt(ctx.message().sender(), rcpt)) {
            return FilterResult.PASS;
        }
        ConnectionChecks checks = reputation.checks(ctx);
        List<ZoneAnswer> all = new ArrayList<>(checks.client().await());
        all.addAll(checks.senderAnswers(ctx.message().sender().address()));
        if (allowListed(all)) {
            return FilterResult.PASS;
        }
        for (ZoneAnswer a : all) {
            if (a.zone().reject() && a.listed()) {
                return FilterResult.decide(new Verdict.Reject(reply(a)),
                        Finding.of("RBL_REJECTED", 0, rcpt + " refused: " + a.subject() + " listed in " + a.zone().zone()));
            }
        }
        return FilterResult.PASS;
    }

    private static boolean allowListed(List<ZoneAnswer> answers) {
        return answers.stream().anyMatch(a -> a.listed() && a.findings("").stream().anyMatch(f -> f.weight() < 0));
    }

    private static SmtpReply reply(ZoneAnswer a) {
        String text = a.zone().kind() == RblZone.Kind.IP
                ? "Service unavailable; client [" + a.subject() + "] blocked using " + a.zone().zone()
                : "Service unavailable; sender domain " + a.subject() + " blocked using " + a.zone().zone();
        return new SmtpReply(550, "5.7.1", text);
    }

    @Override
    public OnError onError() {
        return OnError.SKIP;
    }
}
