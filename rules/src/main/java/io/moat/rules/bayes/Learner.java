// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import io.moat.rules.message.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Trains a {@link TokenStore}, idempotently per message: a message is known by its key (a hash
 * of its Message-ID and body), learning it again as the same class changes nothing, and
 * learning it as the other class moves its counts there.
 */
public final class Learner {
    private final TokenStore store;
    private final Tokenizer tokenizer;

    public Learner(TokenStore store, Tokenizer tokenizer) {
        this.store = store;
        this.tokenizer = tokenizer;
    }

    public LearnOutcome learn(Message message, Label label) {
        return learn(key(message), tokenizer.tokens(message), label);
    }

    /** Learns already-tokenized input; {@code key} must identify the message. */
    public LearnOutcome learn(String key, Set<String> tokens, Label label) {
        Optional<Label> before = store.learnedAs(key);
        if (before.isPresent() && before.get() == label) {
            return LearnOutcome.UNCHANGED;
        }
        before.ifPresent(old -> store.apply(key, old, tokens, -1));
        store.apply(key, label, tokens, +1);
        return before.isPresent() ? LearnOutcome.MOVED : LearnOutcome.LEARNED;
    }

    /** Forgets a learned message; returns false if it was not learned. */
    public boolean forget(Message message) {
        String key = key(message);
        Optional<Label> before = store.learnedAs(key);
        before.ifPresent(old -> store.apply(key, old, tokenizer.tokens(message), -1));
        return before.isPresent();
    }

    /** The identity of a message for learning: SHA-256 of its Message-ID and its body as received. */
    public static String key(Message message) {
        String id = message.headers().first("Message-ID").orElse("");
        String body = message.full().substring(Math.min(message.rawHeaders().length(), message.full().length()));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(id.strip().getBytes(StandardCharsets.ISO_8859_1));
            sha.update((byte) 0);
            sha.update(body.getBytes(StandardCharsets.ISO_8859_1));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
