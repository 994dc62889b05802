// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Actor;
import io.moat.store.ImportProgress;
import io.moat.store.Mailbox;
import io.moat.store.Mailboxes;
import io.moat.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Mailboxes in SQL, audited; imports are one transaction of batched upserts. */
final class JdbcMailboxes implements Mailboxes {
    static final int BATCH = 1_000;
    private static final String UPSERT = "INSERT INTO mailbox (address, domain, name, created_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (address) DO UPDATE SET name = excluded.name";

    private final Database db;
    private final JdbcAuditLog audit;
    private final Clock clock;

    JdbcMailboxes(Database db, JdbcAuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Mailbox> find(String address) {
        return db.read(c -> find(c, address));
    }

    private static Optional<Mailbox> find(Connection c, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT address, name FROM mailbox WHERE address = ?")) {
            ps.setString(1, address.trim().toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Mailbox(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    @Override
    public List<Mailbox> list(@Nullable String domain, int limit) {
        Where where = new Where().equal("domain", domain == null ? null : domain.trim().toLowerCase(Locale.ROOT));
        return db.read(c -> {
            try (PreparedStatement ps = where.prepare(c, "SELECT address, name FROM mailbox", " ORDER BY address LIMIT ?", limit);
                    ResultSet rs = ps.executeQuery()) {
                List<Mailbox> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Mailbox(rs.getString(1), rs.getString(2)));
                }
                return out;
            }
        });
    }

    @Override
    public long count(@Nullable String domain) {
        Where where = new Where().equal("domain", domain == null ? null : domain.trim().toLowerCase(Locale.ROOT));
        return db.read(c -> {
            try (PreparedStatement ps = where.prepare(c, "SELECT COUNT(*) FROM mailbox", ""); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void put(Mailbox m, Actor actor) {
        db.write(c -> {
            requireDomain(c, m.domain());
            Optional<Mailbox> old = find(c, m.address());
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                bind(ps, m);
                ps.executeUpdate();
            }
            audit.write(c, actor, "mailbox.put", m.address(), old.map(JdbcMailboxes::describe).orElse(null), describe(m));
            return null;
        });
    }

    @Override
    public boolean delete(String address, Actor actor) {
        return db.write(c -> {
            Optional<Mailbox> old = find(c, address);
            if (old.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM mailbox WHERE address = ?")) {
                ps.setString(1, old.get().address());
                ps.executeUpdate();
            }
            audit.write(c, actor, "mailbox.delete", old.get().address(), describe(old.get()), null);
            return true;
        });
    }

    @Override
    public long importAll(Iterable<Mailbox> mailboxes, String source, Actor actor, ImportProgress progress) {
        return db.write(c -> {
            Set<String> known = new HashSet<>();
            long written = 0;
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (Mailbox m : mailboxes) {
                    if (known.add(m.domain())) {
                        requireDomain(c, m.domain());
                    }
                    bind(ps, m);
                    ps.addBatch();
                    if (++written % BATCH == 0) {
                        ps.executeBatch();
                        progress.written(written);
                    }
                }
                ps.executeBatch();
            }
            progress.written(written);
            audit.write(c, actor, "mailbox.import", source, null, written + " mailboxes");
            return written;
        });
    }

    private void bind(PreparedStatement ps, Mailbox m) throws SQLException {
        ps.setString(1, m.address());
        ps.setString(2, m.domain());
        Columns.text(ps, 3, m.name());
        ps.setLong(4, clock.millis());
    }

    private static void requireDomain(Connection c, String domain) throws SQLException {
        if (JdbcDomains.find(c, domain).isEmpty()) {
            throw new StoreException("no domain '" + domain + "': add it first with 'moat domain add " + domain + "'");
        }
    }

    private static String describe(Mailbox m) {
        return m.name() == null ? m.address() : m.address() + " (" + m.name() + ")";
    }
}
