// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.OnError;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ReversePath;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * At MAIL FROM: collects the client's answers (started at CONNECT; waits only for what is still
 * within the deadline) and looks the sender's domain up in the domain lists, and reports both as
 * findings of this message. Listing symbols of the sender domain carry the suffix {@code _SENDER}.
 */
public final class RblMailFilter implements Filter {
    private final ClientReputation reputation;

    public RblMailFilter(ClientReputation reputation) {
        this.reputation = reputation;
    }

    @Override
    public String name() {
        return "rbl-mail";
    }

    @Override
    public Stage stage() {
        return Stage.MAIL;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        ConnectionChecks checks = reputation.checks(ctx);
        ReversePath sender = ctx.message().sender();
        String domain = domainOf(sender);
        DomainBlocklist domains = reputation.domainLists();
        PendingLookups senderLookups = domain.isEmpty() || domains.isEmpty() ? PendingLookups.NONE : domains.start(Set.of(domain));
        List<Finding> out = new ArrayList<>();
        for (ZoneAnswer a : checks.client().await()) {
            out.addAll(a.findings(""));
        }
        List<ZoneAnswer> senderAnswers = senderLookups.await();
        checks.recordSender(sender.address(), senderAnswers);
        out.addAll(DomainBlocklist.merge(senderAnswers, "_SENDER"));
        return new FilterResult(out, Verdict.CONTINUE);
    }

    static String domainOf(ReversePath sender) {
        String a = sender.address();
        int at = a.lastIndexOf('@');
        return at < 0 || at == a.length() - 1 ? "" : a.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public OnError onError() {
        return OnError.SKIP;
    }
}
