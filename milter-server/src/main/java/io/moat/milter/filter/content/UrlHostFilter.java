// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * At end of message, hands the hosts of the URLs the content walk found to the URI blocklists
 * (the domain lists of the RBL layer) and reports what they answer. The walk is the one the
 * attachment filter already did: {@link ContentReports} keeps it per transaction.
 */
public final class UrlHostFilter implements Filter {
    private final ContentReports reports;
    private final Function<Set<String>, List<Finding>> blocklists;

    /** {@code blocklists} looks up a set of host names, e.g. {@code DomainBlocklist::findings}. */
    public UrlHostFilter(ContentReports reports, Function<Set<String>, List<Finding>> blocklists) {
        this.reports = reports;
        this.blocklists = blocklists;
    }

    @Override
    public String name() {
        return "uri-blocklists";
    }

    @Override
    public Stage stage() {
        return Stage.EOM;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) throws IOException {
        Set<String> hosts = reports.of(ctx.message()).hosts();
        return hosts.isEmpty() ? FilterResult.PASS : new FilterResult(blocklists.apply(hosts), Verdict.CONTINUE);
    }
}
