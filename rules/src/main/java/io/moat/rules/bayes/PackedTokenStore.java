// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only copy of a token store packed for lookups, what the daemon classifies with. A
 * hash map of a few hundred thousand tokens costs about four cache misses per lookup (table,
 * node, key, key's bytes, counts) and a message looks up hundreds of tokens; here one open
 * addressing table of {@code long}s holds each token's hash and where its entry starts, and one
 * {@code char} array holds each entry in one piece (length, spam count, ham count, the token's
 * characters), so a lookup reads two places. Counts are the same as the copied store's.
 * Thread-safe (immutable).
 */
public final class PackedTokenStore implements TokenStore {
    private static final int HEADER = 9;

    private final long[] slots;
    private final char[] entries;
    private final TokenCounts totals;
    private final Map<String, Label> learned;

    private PackedTokenStore(Map<String, long[]> counts, TokenCounts totals, Map<String, Label> learned) {
        int capacity = Integer.highestOneBit(Math.max(16, counts.size() * 2 - 1)) << 1;
        long chars = 0;
        for (String t : counts.keySet()) {
            chars += HEADER + t.length();
        }
        if (chars > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many tokens to pack: " + counts.size());
        }
        this.slots = new long[capacity];
        this.entries = new char[(int) chars];
        this.totals = totals;
        this.learned = Map.copyOf(learned);
        int at = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            String token = e.getKey();
            int hash = token.hashCode();
            int i = index(hash);
            while (slots[i] != 0) {
                i = (i + 1) & (slots.length - 1);
            }
            slots[i] = (long) hash << 32 | (at + 1L);
            entries[at] = (char) token.length();
            put(at + 1, e.getValue()[0]);
            put(at + 5, e.getValue()[1]);
            token.getChars(0, token.length(), entries, at + HEADER);
            at += HEADER + token.length();
        }
    }

    /**
     * A packed copy of {@code store} when it is one held in memory (and no token is longer than
     * 65,535 characters); any other store as it is.
     */
    public static TokenStore of(TokenStore store) {
        if (store instanceof FileTokenStore f) {
            return copy(f.memory(), store);
        }
        return store instanceof MemoryTokenStore m ? copy(m, store) : store;
    }

    private static TokenStore copy(MemoryTokenStore m, TokenStore original) {
        Map<String, long[]> counts = new HashMap<>();
        m.forEachToken((token, c) -> counts.put(token, c.clone()));
        if (counts.keySet().stream().anyMatch(t -> t.length() > Character.MAX_VALUE)) {
            return original;
        }
        return new PackedTokenStore(counts, m.totals(), m.messages());
    }

    @Override
    public TokenCounts totals() {
        return totals;
    }

    @Override
    public TokenCounts counts(String token) {
        int at = find(token);
        return at < 0 ? TokenCounts.NONE : new TokenCounts(get(at + 1), get(at + 5));
    }

    @Override
    public Map<String, TokenCounts> counts(Collection<String> wanted) {
        Map<String, TokenCounts> out = new HashMap<>(Math.max(16, wanted.size()));
        for (String t : wanted) {
            int at = find(t);
            if (at >= 0) {
                out.put(t, new TokenCounts(get(at + 1), get(at + 5)));
            }
        }
        return out;
    }

    @Override
    public Optional<Label> learnedAs(String messageKey) {
        return Optional.ofNullable(learned.get(messageKey));
    }

    /** A snapshot is read-only: learning goes to the store it was copied from. */
    @Override
    public void apply(String messageKey, Label label, Collection<String> tokens, int delta) {
        throw new UnsupportedOperationException("a packed token store is a read-only snapshot");
    }

    /** Where {@code token}'s entry starts, or -1. */
    private int find(String token) {
        int hash = token.hashCode();
        for (int i = index(hash); slots[i] != 0; i = (i + 1) & (slots.length - 1)) {
            long slot = slots[i];
            if ((int) (slot >>> 32) == hash) {
                int at = (int) slot - 1;
                if (sameToken(at, token)) {
                    return at;
                }
            }
        }
        return -1;
    }

    private boolean sameToken(int at, String token) {
        if (entries[at] != token.length()) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            if (entries[at + HEADER + k] != token.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int index(int hash) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    private void put(int at, long value) {
        for (int k = 0; k < 4; k++) {
            entries[at + k] = (char) (value >>> (16 * k));
        }
    }

    private long get(int at) {
        long value = 0;
        for (int k = 0; k < 4; k++) {
            value |= (long) entries[at + k] << (16 * k);
        }
        return value;
    }
}
