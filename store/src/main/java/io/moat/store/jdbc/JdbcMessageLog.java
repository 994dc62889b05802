// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Classification;
import io.moat.store.Destination;
import io.moat.store.LogQuery;
import io.moat.store.LogRow;
import io.moat.store.MessageLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The message log in SQL: batched appends, indexed searches. */
final class JdbcMessageLog implements MessageLog {
    private static final String INSERT = "INSERT INTO message_log (logged_at, host, queue_id, message_id, sender, recipient,"
            + " destination, classification, score, size, relay_ip, subject, detail, quarantine_id, sender_domain, recipient_domain)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    JdbcMessageLog(Database db) {
        this.db = db;
    }

    @Override
    public void append(List<LogRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        db.writeGrouped(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (LogRow r : rows) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    static void bind(PreparedStatement ps, LogRow r) throws SQLException {
        ps.setLong(1, r.loggedAt().toEpochMilli());
        ps.setString(2, r.host());
        ps.setString(3, r.queueId());
        Columns.text(ps, 4, r.messageId());
        ps.setString(5, r.sender().toLowerCase(Locale.ROOT));
        ps.setString(6, r.recipient().toLowerCase(Locale.ROOT));
        ps.setString(7, r.destination().name());
        ps.setString(8, r.classification().name());
        ps.setDouble(9, r.score());
        ps.setLong(10, r.size());
        Columns.text(ps, 11, r.relayIp());
        Columns.text(ps, 12, r.subject());
        Columns.text(ps, 13, r.detail());
        Columns.bigint(ps, 14, r.quarantineId());
        ps.setString(15, domain(r.sender()));
        ps.setString(16, domain(r.recipient()));
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public List<LogRow> search(LogQuery q) {
        Where where = new Where()
                .address("sender", "sender_domain", q.sender())
                .address("recipient", "recipient_domain", q.recipient())
                .equal("message_id", q.messageId())
                .equal("queue_id", q.queueId())
                .equal("classification", q.classification() == null ? null : q.classification().name())
                .equal("destination", q.destination() == null ? null : q.destination().name())
                .atOrAfter("logged_at", q.since())
                .before("logged_at", q.until());
        return db.read(c -> {
            try (PreparedStatement ps = where.prepare(c, "SELECT * FROM message_log", " ORDER BY logged_at DESC, id DESC LIMIT ?",
                    q.limit()); ResultSet rs = ps.executeQuery()) {
                List<LogRow> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        });
    }

    private static LogRow row(ResultSet rs) throws SQLException {
        return new LogRow(rs.getLong("id"), Columns.instant(rs, "logged_at"), rs.getString("host"), rs.getString("queue_id"),
                rs.getString("message_id"), rs.getString("sender"), rs.getString("recipient"),
                Destination.valueOf(rs.getString("destination")), Classification.valueOf(rs.getString("classification")),
                rs.getDouble("score"), rs.getLong("size"), rs.getString("relay_ip"), rs.getString("subject"),
                rs.getString("detail"), Columns.bigint(rs, "quarantine_id"));
    }

    @Override
    public int purge(Instant cutoff) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM message_log WHERE logged_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
