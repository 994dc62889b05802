// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import io.moat.rules.bayes.Label;
import io.moat.rules.bayes.MemoryTokenStore;
import io.moat.rules.bayes.TokenCounts;
import io.moat.rules.bayes.TokenStore;
import io.moat.store.BayesTokens;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The statistical filter's state in the store, as the rules module's {@link TokenStore}: what
 * {@code moat learn --shared} writes to. The daemon does not classify against it row by row; it
 * loads a {@link #snapshot} at start and on every reload.
 */
public final class StoreTokenStore implements TokenStore {
    private final BayesTokens bayes;

    public StoreTokenStore(BayesTokens bayes) {
        this.bayes = bayes;
    }

    /** Every token, in memory: what a node classifies with until the next reload. */
    public static MemoryTokenStore snapshot(BayesTokens bayes) {
        Map<String, long[]> counts = new HashMap<>();
        bayes.forEach((token, t) -> counts.put(token, new long[] {t.spam(), t.ham()}));
        BayesTokens.TokenTally totals = bayes.totals();
        return MemoryTokenStore.of(totals.spam(), totals.ham(), counts);
    }

    @Override
    public TokenCounts totals() {
        BayesTokens.TokenTally t = bayes.totals();
        return new TokenCounts(t.spam(), t.ham());
    }

    @Override
    public TokenCounts counts(String token) {
        return counts(java.util.List.of(token)).getOrDefault(token, TokenCounts.NONE);
    }

    @Override
    public Map<String, TokenCounts> counts(Collection<String> tokens) {
        Map<String, TokenCounts> out = new HashMap<>();
        bayes.counts(tokens).forEach((k, t) -> out.put(k, new TokenCounts(t.spam(), t.ham())));
        return out;
    }

    @Override
    public Optional<Label> learnedAs(String messageKey) {
        return bayes.learnedAs(messageKey).map(Label::valueOf);
    }

    @Override
    public void apply(String messageKey, Label label, Collection<String> tokens, int delta) {
        bayes.apply(messageKey, label.name(), tokens, delta);
    }
}
