// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Actor;
import io.moat.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Marks quarantined copies released and answers whether a release token is genuine. */
final class QuarantineRelease {
    private final JdbcAuditLog audit;
    private final Clock clock;

    QuarantineRelease(JdbcAuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void mark(Connection c, long id, List<String> wanted, Actor actor) throws SQLException {
        token(c, id).orElseThrow(() -> new StoreException("no quarantined message with id " + id));
        List<String> all = recipients(c, id);
        List<String> chosen = wanted.isEmpty() ? all : wanted.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList();
        for (String r : chosen) {
            if (!all.contains(r)) {
                throw new StoreException("message " + id + " was not quarantined for " + r + " (recipients: " + String.join(", ", all) + ")");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE quarantine_recipient SET released_at = ?, released_by = ?"
                + " WHERE quarantine_id = ? AND recipient = ?")) {
            for (String r : chosen) {
                ps.setLong(1, clock.millis());
                ps.setString(2, actor.name());
                ps.setLong(3, id);
                ps.setString(4, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        audit.write(c, actor, "quarantine.release", Long.toString(id), null, String.join(",", chosen));
    }

    /** The release secret of message {@code id}. */
    Optional<String> token(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT release_token FROM quarantine WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<String> recipients(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT recipient FROM quarantine_recipient WHERE quarantine_id = ? ORDER BY recipient")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
