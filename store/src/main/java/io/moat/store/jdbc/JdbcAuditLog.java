// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Actor;
import io.moat.store.AuditEntry;
import io.moat.store.AuditLog;
import io.moat.store.AuditQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The audit trail; {@link #write} is called by the other stores inside their transactions. */
final class JdbcAuditLog implements AuditLog {
    private final Database db;
    private final Clock clock;

    JdbcAuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends one entry on {@code c}, inside the caller's transaction. */
    void write(Connection c, Actor actor, String action, String target, @Nullable String oldValue, @Nullable String newValue)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit (at, actor, host, action, target, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, actor.name());
            ps.setString(3, actor.host());
            ps.setString(4, action);
            ps.setString(5, target);
            Columns.text(ps, 6, oldValue);
            Columns.text(ps, 7, newValue);
            ps.executeUpdate();
        }
    }

    @Override
    public void record(Actor actor, String action, String target, @Nullable String oldValue, @Nullable String newValue) {
        db.write(c -> {
            write(c, actor, action, target, oldValue, newValue);
            return null;
        });
    }

    @Override
    public List<AuditEntry> list(AuditQuery q) {
        Where where = new Where()
                .equal("actor", q.actor())
                .prefix("action", q.action())
                .equal("target", q.target())
                .atOrAfter("at", q.since())
                .before("at", q.until());
        return db.read(c -> {
            try (PreparedStatement ps = where.prepare(c, "SELECT * FROM audit", " ORDER BY at DESC, id DESC LIMIT ?", q.limit());
                    ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong("id"), Columns.instant(rs, "at"), rs.getString("actor"),
                            rs.getString("host"), rs.getString("action"), rs.getString("target"),
                            rs.getString("old_value"), rs.getString("new_value")));
                }
                return out;
            }
        });
    }

    @Override
    public int purge(Instant cutoff) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit WHERE at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
