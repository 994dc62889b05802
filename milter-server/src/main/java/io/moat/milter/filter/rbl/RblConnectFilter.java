// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.OnError;
import io.moat.milter.pipeline.Stage;

/**
 * At CONNECT: starts the client's list lookups and answers at once, so DNS runs while the client
 * says HELO and MAIL FROM. Findings come at MAIL ({@link RblMailFilter}): a CONNECT finding would
 * have no message to belong to.
 */
public final class RblConnectFilter implements Filter {
    private final ClientReputation reputation;

    public RblConnectFilter(ClientReputation reputation) {
        this.reputation = reputation;
    }

    @Override
    public String name() {
        return "rbl-connect";
    }

    @Override
    public Stage stage() {
        return Stage.CONNECT;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) {
        reputation.start(ctx);
        return FilterResult.PASS;
    }

    @Override
    public OnError onError() {
        return OnError.SKIP;
    }
}
