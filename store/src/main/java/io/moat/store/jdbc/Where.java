// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Builds a parameterised WHERE clause from optional filters. Values are never spliced into SQL. */
final class Where {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** {@code column = value}, or {@code LIKE} when the value has a {@code *} wildcard. */
    Where address(String column, @Nullable String value) {
        return address(column, null, value);
    }

    /**
     * As {@link #address(String, String)}, but {@code *@domain} compares {@code domainColumn}
     * (indexed) instead of scanning with LIKE.
     */
    Where address(String column, @Nullable String domainColumn, @Nullable String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (domainColumn != null && v.startsWith("*@") && v.indexOf('*', 1) < 0) {
                clauses.add(domainColumn + " = ?");
                params.add(v.substring(2));
            } else if (v.contains("*")) {
                clauses.add(column + " LIKE ? ESCAPE '\\'");
                params.add(v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%'));
            } else {
                clauses.add(column + " = ?");
                params.add(v);
            }
        }
        return this;
    }

    Where equal(String column, @Nullable Object value) {
        if (value != null) {
            clauses.add(column + " = ?");
            params.add(value);
        }
        return this;
    }

    Where prefix(String column, @Nullable String value) {
        if (value != null) {
            clauses.add(column + " LIKE ? ESCAPE '\\'");
            params.add(value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return this;
    }

    Where atOrAfter(String column, @Nullable Instant since) {
        if (since != null) {
            clauses.add(column + " >= ?");
            params.add(since.toEpochMilli());
        }
        return this;
    }

    Where before(String column, @Nullable Instant until) {
        if (until != null) {
            clauses.add(column + " < ?");
            params.add(until.toEpochMilli());
        }
        return this;
    }

    /** A clause with its own {@code ?} placeholders, e.g. an EXISTS subquery. */
    Where raw(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(List.of(values));
        return this;
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Prepares {@code head + WHERE + tail} and binds this clause's values, then {@code extra}. */
    PreparedStatement prepare(Connection c, String head, String tail, Object... extra) throws SQLException {
        PreparedStatement ps = c.prepareStatement(head + sql() + tail);
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        for (Object p : extra) {
            ps.setObject(i++, p);
        }
        return ps;
    }
}
