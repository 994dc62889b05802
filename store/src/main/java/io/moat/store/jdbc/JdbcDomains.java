// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Actor;
import io.moat.store.Domain;
import io.moat.store.Domains;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Domains in SQL, audited. */
final class JdbcDomains implements Domains {
    private final Database db;
    private final JdbcAuditLog audit;
    private final Clock clock;

    JdbcDomains(Database db, JdbcAuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Domain> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM domain ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                List<Domain> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<Domain> find(String name) {
        return db.read(c -> find(c, name));
    }

    static Optional<Domain> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM domain WHERE name = ?")) {
            ps.setString(1, name.trim().toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Domain row(ResultSet rs) throws SQLException {
        return new Domain(rs.getString("name"), rs.getString("relay"), rs.getBoolean("pass_through"),
                Columns.integer(rs, "quarantine_retention_days"));
    }

    @Override
    public void put(Domain d, Actor actor) {
        db.write(c -> {
            Optional<Domain> old = find(c, d.name());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO domain (name, relay, pass_through, quarantine_retention_days,"
                    + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET relay = excluded.relay,"
                    + " pass_through = excluded.pass_through, quarantine_retention_days = excluded.quarantine_retention_days")) {
                ps.setString(1, d.name());
                Columns.text(ps, 2, d.relay());
                ps.setBoolean(3, d.passThrough());
                Columns.integer(ps, 4, d.quarantineRetentionDays());
                ps.setLong(5, clock.millis());
                ps.executeUpdate();
            }
            audit.write(c, actor, "domain.put", d.name(), old.map(JdbcDomains::describe).orElse(null), describe(d));
            return null;
        });
    }

    @Override
    public boolean delete(String name, Actor actor) {
        return db.write(c -> {
            Optional<Domain> old = find(c, name);
            if (old.isEmpty()) {
                return false;
            }
            String domain = old.get().name();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM policy WHERE scope = ? OR scope LIKE ? ESCAPE '\\'")) {
                ps.setString(1, domain);
                ps.setString(2, "%@" + domain.replace("_", "\\_"));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM domain WHERE name = ?")) {
                ps.setString(1, domain);
                ps.executeUpdate();
            }
            audit.write(c, actor, "domain.delete", domain, describe(old.get()), null);
            return true;
        });
    }

    static String describe(@Nullable Domain d) {
        if (d == null) {
            return "";
        }
        return "relay=" + (d.relay() == null ? "-" : d.relay()) + " pass-through=" + d.passThrough()
                + " retention-days=" + (d.quarantineRetentionDays() == null ? "default" : d.quarantineRetentionDays());
    }
}
