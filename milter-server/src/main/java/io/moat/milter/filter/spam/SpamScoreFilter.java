// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.spam;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.OnError;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.verdict.Finding;
import io.moat.rules.ContentReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Content rules and the statistical filter at end of message. Their findings join the others:
 * the scorer adds them into the SpamScore like any finding. A message larger than the scan limit
 * is not content-scored (finding CONTENT_NOT_SCANNED) rather than read whole into memory.
 */
public final class SpamScoreFilter implements Filter {
    private static final Pattern NOT_SYMBOL = Pattern.compile("[^A-Z0-9_]");
    private final ContentRules rules;
    private final long maxScanSize;

    public SpamScoreFilter(ContentRules rules, long maxScanSize) {
        this.rules = rules;
        this.maxScanSize = maxScanSize;
    }

    @Override
    public String name() {
        return "spam-score";
    }

    @Override
    public Stage stage() {
        return Stage.EOM;
    }

    /** Rules are an opinion, not a safety check: when they fail, the message is scored without them. */
    @Override
    public OnError onError() {
        return OnError.SKIP;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) throws IOException {
        if (ctx.message().size() > maxScanSize) {
            return FilterResult.found(Finding.of("CONTENT_NOT_SCANNED", 0, "larger than " + maxScanSize + " bytes"));
        }
        byte[] raw;
        try (InputStream in = ctx.message().openMessage()) {
            raw = in.readAllBytes();
        }
        // Received now: the Date is compared with this moment, the stamp Postfix writes but does not show us.
        ContentReport report = rules.current().score(raw, ctx.clock().instant());
        List<Finding> out = new ArrayList<>(report.findings().size());
        for (io.moat.rules.Finding f : report.findings()) {
            String detail = f.detail().isEmpty() ? f.description() : f.detail();
            out.add(Finding.of(symbol(f.symbol()), f.weight(), detail));
        }
        return new FilterResult(out, io.moat.milter.verdict.Verdict.CONTINUE);
    }

    /** Rule names from admins' files may be lower case: findings are UPPER_SNAKE. */
    static String symbol(String name) {
        String s = NOT_SYMBOL.matcher(name.toUpperCase(Locale.ROOT)).replaceAll("_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "R_" + s : s;
    }
}
