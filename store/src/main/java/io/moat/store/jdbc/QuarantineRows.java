// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Classification;
import io.moat.store.QuarantinedMessage;
import io.moat.store.QuarantinedRecipient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads quarantine rows with their recipients. */
final class QuarantineRows {
    static final String COLUMNS = "id, queue_id, sender, client_ip, received_at, classification, score, findings, reason,"
            + " message_id, subject, size, sha256";

    private QuarantineRows() {
    }

    /** Runs {@code ps} (selecting {@link #COLUMNS}) and attaches each message's recipients. */
    static List<QuarantinedMessage> read(Connection c, PreparedStatement ps) throws SQLException {
        Map<Long, ResultRow> rows = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong("id"), ResultRow.of(rs));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<QuarantinedRecipient>> recipients = recipients(c, rows.keySet().stream().toList());
        List<QuarantinedMessage> out = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> out.add(row.with(recipients.getOrDefault(id, List.of()))));
        return out;
    }

    private static Map<Long, List<QuarantinedRecipient>> recipients(Connection c, List<Long> ids) throws SQLException {
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        Map<Long, List<QuarantinedRecipient>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT quarantine_id, recipient, released_at, released_by"
                + " FROM quarantine_recipient WHERE quarantine_id IN (" + marks + ") ORDER BY quarantine_id, recipient")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new QuarantinedRecipient(
                            rs.getString(2), Columns.nullableInstant(rs, "released_at"), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** A quarantine row before its recipients are known. */
    private record ResultRow(QuarantinedMessage message) {
        static ResultRow of(ResultSet rs) throws SQLException {
            String findings = rs.getString("findings");
            return new ResultRow(new QuarantinedMessage(rs.getLong("id"), rs.getString("queue_id"), rs.getString("sender"),
                    List.of(), rs.getString("client_ip"), Columns.instant(rs, "received_at"),
                    Classification.valueOf(rs.getString("classification")), rs.getDouble("score"),
                    findings.isEmpty() ? List.of() : List.of(findings.split("\n")), rs.getString("reason"),
                    rs.getString("message_id"), rs.getString("subject"), rs.getLong("size"), rs.getString("sha256")));
        }

        QuarantinedMessage with(List<QuarantinedRecipient> recipients) {
            QuarantinedMessage m = message;
            return new QuarantinedMessage(m.id(), m.queueId(), m.sender(), recipients, m.clientIp(), m.receivedAt(),
                    m.classification(), m.score(), m.findings(), m.reason(), m.messageId(), m.subject(), m.size(), m.sha256());
        }
    }
}
