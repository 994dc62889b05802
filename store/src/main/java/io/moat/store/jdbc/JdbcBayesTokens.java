// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.BayesTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The statistical filter's state in SQL: upserts per token, one transaction per learned message. */
final class JdbcBayesTokens implements BayesTokens {
    private static final int CHUNK = 500;
    private final Database db;

    JdbcBayesTokens(Database db) {
        this.db = db;
    }

    @Override
    public TokenTally totals() {
        return db.read(c -> {
            long spam = 0;
            long ham = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT label, messages FROM bayes_totals");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("SPAM")) {
                        spam = rs.getLong(2);
                    } else {
                        ham = rs.getLong(2);
                    }
                }
            }
            return new TokenTally(spam, ham);
        });
    }

    @Override
    public Map<String, TokenTally> counts(Collection<String> tokens) {
        List<String> all = new ArrayList<>(tokens);
        return db.read(c -> {
            Map<String, TokenTally> out = new HashMap<>(all.size() * 2);
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT token, spam, ham FROM bayes_tokens WHERE token IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new TokenTally(rs.getLong(2), rs.getLong(3)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<String> learnedAs(String messageKey) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT label FROM bayes_messages WHERE message_key = ?")) {
                ps.setString(1, messageKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void apply(String messageKey, String label, Collection<String> tokens, int delta) {
        if (!label.equals("SPAM") && !label.equals("HAM")) {
            throw new IllegalArgumentException("label must be SPAM or HAM, got " + label);
        }
        if (delta != 1 && delta != -1) {
            throw new IllegalArgumentException("delta must be +1 or -1, got " + delta);
        }
        String column = label.equals("SPAM") ? "spam" : "ham";
        // Learning adds a row or counts up; forgetting only counts down what exists, never below 0.
        String change = delta > 0
                ? "INSERT INTO bayes_tokens (token, " + column + ") VALUES (?, 1) ON CONFLICT (token) DO UPDATE SET "
                        + column + " = bayes_tokens." + column + " + 1"
                : "UPDATE bayes_tokens SET " + column + " = CASE WHEN " + column + " > 0 THEN " + column + " - 1 ELSE 0 END"
                        + " WHERE token = ?";
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(change)) {
                for (String t : tokens) {
                    ps.setString(1, t);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bayes_totals SET messages = CASE WHEN messages + ? < 0 THEN 0 ELSE messages + ? END WHERE label = ?")) {
                ps.setLong(1, delta);
                ps.setLong(2, delta);
                ps.setString(3, label);
                ps.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM bayes_messages WHERE message_key = ?")) {
                del.setString(1, messageKey);
                del.executeUpdate();
            }
            if (delta > 0) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO bayes_messages (message_key, label) VALUES (?, ?)")) {
                    ins.setString(1, messageKey);
                    ins.setString(2, label);
                    ins.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void forEach(BiConsumer<String, TokenTally> action) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT token, spam, ham FROM bayes_tokens WHERE spam > 0 OR ham > 0")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(rs.getString(1), new TokenTally(rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            return null;
        });
    }
}
