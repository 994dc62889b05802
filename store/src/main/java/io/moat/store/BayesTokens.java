// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The statistical filter's state in the store, so every node of a fleet classifies with what any
 * node learned: per-token spam/ham message counts, messages learned per class, and which message
 * key was learned as what. Labels are {@code SPAM} and {@code HAM}.
 */
public interface BayesTokens {
    /** Messages learned as spam and as ham. */
    TokenTally totals();

    /** The counts of the given tokens that were ever seen (others are absent). */
    Map<String, TokenTally> counts(Collection<String> tokens);

    /** What the message with this key was learned as. */
    Optional<String> learnedAs(String messageKey);

    /**
     * Learns ({@code delta} +1) or forgets ({@code delta} -1) one message's distinct tokens under
     * {@code label}, in one transaction.
     */
    void apply(String messageKey, String label, Collection<String> tokens, int delta);

    /** Every token with its counts, for a node that loads the whole state into memory. */
    void forEach(BiConsumer<String, TokenTally> action);

    /** Spam and ham counts of one token, or of all learned messages. */
    record TokenTally(long spam, long ham) {
    }
}
