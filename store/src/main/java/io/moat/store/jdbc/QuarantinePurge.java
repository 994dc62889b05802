// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retention: a recipient's copy goes when it is older than its domain's retention (or the
 * default), and a message goes when no copy is left.
 */
final class QuarantinePurge {
    private QuarantinePurge() {
    }

    static int run(Connection c, Instant now, int defaultDays) throws SQLException {
        Map<String, Integer> overrides = overrides(c);
        for (Map.Entry<String, Integer> o : overrides.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM quarantine_recipient WHERE domain = ? AND quarantine_id IN"
                    + " (SELECT id FROM quarantine WHERE received_at < ?)")) {
                ps.setString(1, o.getKey());
                ps.setLong(2, cutoff(now, o.getValue()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM quarantine_recipient WHERE domain NOT IN"
                + " (SELECT name FROM domain WHERE quarantine_retention_days IS NOT NULL) AND quarantine_id IN"
                + " (SELECT id FROM quarantine WHERE received_at < ?)")) {
            ps.setLong(1, cutoff(now, defaultDays));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM quarantine WHERE NOT EXISTS"
                + " (SELECT 1 FROM quarantine_recipient r WHERE r.quarantine_id = quarantine.id)")) {
            return ps.executeUpdate();
        }
    }

    private static long cutoff(Instant now, int days) {
        return now.minus(Duration.ofDays(days)).toEpochMilli();
    }

    private static Map<String, Integer> overrides(Connection c) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, quarantine_retention_days FROM domain WHERE quarantine_retention_days IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
