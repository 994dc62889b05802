// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.pipeline;

import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filters of each stage, in the order given. A stage runs its filters until one reaches a
 * verdict; findings of all filters that ran are kept. A failing filter is contained here: it
 * tempfails the message or, if it said so, is skipped with a FILTER_ERROR finding.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private final Map<Stage, List<Filter>> byStage = new EnumMap<>(Stage.class);

    public Pipeline(List<Filter> filters) {
        for (Stage s : Stage.values()) {
            byStage.put(s, new ArrayList<>());
        }
        for (Filter f : filters) {
            byStage.get(f.stage()).add(f);
        }
    }

    public boolean hasFilters(Stage stage) {
        return !byStage.get(stage).isEmpty();
    }

    public FilterResult run(FilterContext ctx) {
        List<Filter> filters = byStage.get(ctx.stage());
        if (filters.isEmpty()) {
            return FilterResult.PASS;
        }
        List<Finding> findings = new ArrayList<>();
        for (Filter f : filters) {
            FilterResult r = evaluate(f, ctx);
            findings.addAll(r.findings());
            if (!(r.verdict() instanceof Verdict.Continue)) {
                return new FilterResult(findings, r.verdict());
            }
        }
        return new FilterResult(findings, Verdict.CONTINUE);
    }

    private static FilterResult evaluate(Filter f, FilterContext ctx) {
        try {
            return f.evaluate(ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(f, ctx, e);
        } catch (Exception | StackOverflowError e) {
            return failed(f, ctx, e);
        }
    }

    private static FilterResult failed(Filter f, FilterContext ctx, Throwable e) {
        LOG.warn("conn={} qid={} filter {} failed at {}: {}", ctx.connectionId(), ctx.queueId().orElse("-"),
                f.name(), ctx.stage(), e.toString(), e);
        return switch (f.onError()) {
            case TEMPFAIL -> FilterResult.decide(
                    new Verdict.TempFail(SmtpReply.tempfail("Temporary failure in content filter, try again later")),
                    Finding.of("FILTER_ERROR", 0, f.name()));
            case SKIP -> FilterResult.found(Finding.of("FILTER_ERROR", 0, f.name()));
        };
    }
}
