// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Actor;
import io.moat.store.QuarantineEntry;
import io.moat.store.QuarantineQuery;
import io.moat.store.QuarantineReceipt;
import io.moat.store.QuarantineStore;
import io.moat.store.QuarantinedMessage;
import io.moat.store.ReleaseToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The quarantine in SQL; each write is one committed transaction. */
final class JdbcQuarantineStore implements QuarantineStore {
    private static final String INSERT = "INSERT INTO quarantine (message_key, queue_id, sender, client_ip, received_at,"
            + " classification, score, findings, reason, message_id, subject, size, sha256, release_token, content)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_key) DO NOTHING RETURNING id";

    private final Database db;
    private final JdbcAuditLog audit;
    private final QuarantineRelease release;
    private final SecureRandom random = new SecureRandom();

    JdbcQuarantineStore(Database db, JdbcAuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.release = new QuarantineRelease(audit, clock);
    }

    @Override
    public QuarantineReceipt put(QuarantineEntry e) {
        String sha256 = e.sha256();
        String key = e.messageKey(sha256);
        byte[] token = new byte[16];
        random.nextBytes(token);
        return db.writeGrouped(c -> {
            Optional<Long> created = insert(c, e, key, sha256, HexFormat.of().formatHex(token));
            if (created.isEmpty()) {
                return new QuarantineReceipt(existing(c, key), true);
            }
            insertRecipients(c, created.get(), e.recipients());
            return new QuarantineReceipt(created.get(), false);
        });
    }

    private static Optional<Long> insert(Connection c, QuarantineEntry e, String key, String sha256, String token)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, key);
            ps.setString(2, e.queueId());
            ps.setString(3, e.sender().toLowerCase(Locale.ROOT));
            Columns.text(ps, 4, e.clientIp());
            ps.setLong(5, e.receivedAt().toEpochMilli());
            ps.setString(6, e.classification().name());
            ps.setDouble(7, e.score());
            ps.setString(8, String.join("\n", e.findings()));
            ps.setString(9, e.reason());
            Columns.text(ps, 10, e.messageId());
            Columns.text(ps, 11, e.subject());
            ps.setLong(12, e.content().length);
            ps.setString(13, sha256);
            ps.setString(14, token);
            ps.setBytes(15, e.content());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long existing(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM quarantine WHERE message_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("quarantine row for key " + key + " vanished during the write");
                }
                return rs.getLong(1);
            }
        }
    }

    private static void insertRecipients(Connection c, long id, List<String> recipients) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quarantine_recipient (quarantine_id, recipient, domain)"
                + " VALUES (?, ?, ?) ON CONFLICT (quarantine_id, recipient) DO NOTHING")) {
            for (String r : recipients) {
                String address = r.trim().toLowerCase(Locale.ROOT);
                ps.setLong(1, id);
                ps.setString(2, address);
                ps.setString(3, address.substring(address.indexOf('@') + 1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<QuarantinedMessage> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + QuarantineRows.COLUMNS + " FROM quarantine WHERE id = ?")) {
                ps.setLong(1, id);
                return QuarantineRows.read(c, ps).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<byte[]> content(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM quarantine WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<QuarantinedMessage> list(QuarantineQuery q) {
        Where where = new Where()
                .address("sender", q.sender())
                .equal("classification", q.classification() == null ? null : q.classification().name())
                .atOrAfter("received_at", q.since())
                .before("received_at", q.until());
        if (q.recipient() != null) {
            Where r = new Where().address("r.recipient", q.recipient());
            where.raw("EXISTS (SELECT 1 FROM quarantine_recipient r WHERE r.quarantine_id = quarantine.id AND "
                    + r.sql().substring(" WHERE ".length()) + ")", wildcardValue(q.recipient()));
        }
        if (!q.includeReleased()) {
            where.raw("EXISTS (SELECT 1 FROM quarantine_recipient u WHERE u.quarantine_id = quarantine.id"
                    + " AND u.released_at IS NULL)");
        }
        return db.read(c -> {
            try (PreparedStatement ps = where.prepare(c, "SELECT " + QuarantineRows.COLUMNS + " FROM quarantine",
                    " ORDER BY received_at DESC, id DESC LIMIT ?", q.limit())) {
                return QuarantineRows.read(c, ps);
            }
        });
    }

    private static String wildcardValue(String address) {
        String v = address.trim().toLowerCase(Locale.ROOT);
        return v.contains("*") ? v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%') : v;
    }

    @Override
    public Optional<ReleaseToken> releaseToken(long id) {
        return db.read(c -> release.token(c, id)).map(secret -> new ReleaseToken(id, secret));
    }

    @Override
    public void markReleased(long id, List<String> recipients, Actor actor) {
        db.write(c -> {
            release.mark(c, id, recipients, actor);
            return null;
        });
    }

    @Override
    public boolean isReleased(String headerValue) {
        int dash = headerValue.trim().indexOf('-');
        if (dash < 1) {
            return false;
        }
        long id;
        try {
            id = Long.parseLong(headerValue.trim().substring(0, dash));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] offered = headerValue.trim().substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        return db.read(c -> release.token(c, id)
                .filter(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.US_ASCII), offered))
                .isPresent());
    }

    @Override
    public boolean delete(long id, Actor actor) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM quarantine WHERE id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.write(c, actor, "quarantine.delete", Long.toString(id), null, null);
            return true;
        });
    }

    @Override
    public int purge(Instant now, int defaultDays) {
        return db.write(c -> QuarantinePurge.run(c, now, defaultDays));
    }
}
