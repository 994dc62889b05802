// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the statistical filter keeps what it learned: per-token message counts, the number of
 * messages learned per class, and which message (by key) was learned as what. Implementations:
 * {@link MemoryTokenStore}, {@link FileTokenStore}; a shared SQL store can implement the same
 * five methods. Callers go through {@link Learner}, which keeps learning idempotent; a store
 * only has to apply what it is told, atomically per call where it can.
 */
public interface TokenStore {
    /** How many messages were learned as spam and as ham. */
    TokenCounts totals();

    /** How many learned spam and ham messages contained {@code token}. */
    TokenCounts counts(String token);

    /** The counts of many tokens at once (a store with a network round trip overrides this). */
    default Map<String, TokenCounts> counts(Collection<String> tokens) {
        Map<String, TokenCounts> out = new HashMap<>(tokens.size() * 2);
        for (String t : tokens) {
            TokenCounts c = counts(t);
            if (c.spam() + c.ham() > 0) {
                out.put(t, c);
            }
        }
        return out;
    }

    /** What the message with this key was learned as, if it was. */
    Optional<Label> learnedAs(String messageKey);

    /**
     * Records that the message {@code messageKey} with these distinct tokens is learned as
     * {@code label} ({@code delta} +1), or is forgotten from {@code label} ({@code delta} -1).
     */
    void apply(String messageKey, Label label, Collection<String> tokens, int delta);
}
