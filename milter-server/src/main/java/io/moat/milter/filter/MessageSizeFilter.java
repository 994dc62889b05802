// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;

/** Classes a message as oversized at end of message when headers plus body exceed the limit. */
public final class MessageSizeFilter implements Filter {
    private final long maxMessageSize;

    public MessageSizeFilter(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public String name() {
        return "message-size";
    }

    @Override
    public Stage stage() {
        return Stage.EOM;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        long size = ctx.message().size();
        if (size <= maxMessageSize) {
            return FilterResult.PASS;
        }
        return FilterResult.found(new Finding("SIZE_OVER_LIMIT", 0, size + " > " + maxMessageSize, Classification.OVERSIZED));
    }
}
