// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** A token store held in memory; the base of {@link FileTokenStore}. Thread-safe. */
public final class MemoryTokenStore implements TokenStore {
    private final Map<String, long[]> tokens = new HashMap<>();
    private final Map<String, Label> messages = new HashMap<>();
    private final long[] totals = new long[2];

    @Override
    public synchronized TokenCounts totals() {
        return new TokenCounts(totals[0], totals[1]);
    }

    @Override
    public synchronized TokenCounts counts(String token) {
        long[] c = tokens.get(token);
        return c == null ? TokenCounts.NONE : new TokenCounts(c[0], c[1]);
    }

    @Override
    public synchronized Map<String, TokenCounts> counts(Collection<String> wanted) {
        Map<String, TokenCounts> out = new HashMap<>(Math.max(16, wanted.size()));
        for (String t : wanted) {
            long[] c = tokens.get(t);
            if (c != null) {
                out.put(t, new TokenCounts(c[0], c[1]));
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<Label> learnedAs(String messageKey) {
        return Optional.ofNullable(messages.get(messageKey));
    }

    @Override
    public synchronized void apply(String messageKey, Label label, Collection<String> learned, int delta) {
        if (delta != 1 && delta != -1) {
            throw new IllegalArgumentException("delta must be +1 or -1, was " + delta);
        }
        int i = label.ordinal();
        totals[i] = Math.max(0, totals[i] + delta);
        for (String t : learned) {
            long[] c = tokens.computeIfAbsent(t, k -> new long[2]);
            c[i] = Math.max(0, c[i] + delta);
            if (c[0] == 0 && c[1] == 0) {
                tokens.remove(t);
            }
        }
        if (delta > 0) {
            messages.put(messageKey, label);
        } else {
            messages.remove(messageKey, label);
        }
    }

    /** The number of distinct tokens known. */
    public synchronized int size() {
        return tokens.size();
    }

    synchronized void forEachToken(BiConsumer<String, long[]> action) {
        tokens.forEach(action);
    }

    synchronized Map<String, Label> messages() {
        return Map.copyOf(messages);
    }

    /** A store holding these counts (token to {spam, ham}), e.g. a snapshot of a shared store. */
    public static MemoryTokenStore of(long spam, long ham, Map<String, long[]> counts) {
        MemoryTokenStore m = new MemoryTokenStore();
        m.restore(spam, ham, counts, Map.of());
        return m;
    }

    synchronized void restore(long spam, long ham, Map<String, long[]> counts, Map<String, Label> learned) {
        totals[0] = spam;
        totals[1] = ham;
        tokens.putAll(counts);
        messages.putAll(learned);
    }
}
