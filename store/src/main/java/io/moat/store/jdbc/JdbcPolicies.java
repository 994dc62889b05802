// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Actor;
import io.moat.store.Domain;
import io.moat.store.Mailbox;
import io.moat.store.Policies;
import io.moat.store.Policy;
import io.moat.store.PolicyKey;
import io.moat.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy settings as (scope, key, value) rows, audited. */
final class JdbcPolicies implements Policies {
    private final Database db;
    private final JdbcAuditLog audit;

    JdbcPolicies(Database db, JdbcAuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** A scope's canonical form: a domain or a mailbox address, lower case. */
    static String scope(String scope) {
        return scope.contains("@") ? new Mailbox(scope, null).address() : new Domain(scope, null, false, null).name();
    }

    @Override
    public Policy of(String scope) {
        String s = scope(scope);
        return db.read(c -> of(c, s));
    }

    private static Policy of(Connection c, String scope) throws SQLException {
        Map<PolicyKey, String> values = new EnumMap<>(PolicyKey.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT setting, value FROM policy WHERE scope = ?")) {
            ps.setString(1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(PolicyKey.parse(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return new Policy(values);
    }

    @Override
    public Policy effective(String recipient) {
        Mailbox m = new Mailbox(recipient, null);
        return db.read(c -> of(c, m.address()).over(of(c, m.domain())));
    }

    @Override
    public List<String> scopes() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT scope FROM policy ORDER BY scope");
                    ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    @Override
    public void set(String scope, PolicyKey key, String value, Actor actor) {
        String s = scope(scope);
        String v = key.normalise(value);
        db.write(c -> {
            String domain = s.contains("@") ? new Mailbox(s, null).domain() : s;
            if (JdbcDomains.find(c, domain).isEmpty()) {
                throw new StoreException("no domain '" + domain + "': add it first with 'moat domain add " + domain + "'");
            }
            Optional<String> old = of(c, s).get(key);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy (scope, setting, value) VALUES (?, ?, ?)"
                    + " ON CONFLICT (scope, setting) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, s);
                ps.setString(2, key.key());
                ps.setString(3, v);
                ps.executeUpdate();
            }
            audit.write(c, actor, "policy.set", s + " " + key.key(), old.orElse(null), v);
            return null;
        });
    }

    @Override
    public boolean unset(String scope, PolicyKey key, Actor actor) {
        String s = scope(scope);
        return db.write(c -> {
            Optional<String> old = of(c, s).get(key);
            if (old.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM policy WHERE scope = ? AND setting = ?")) {
                ps.setString(1, s);
                ps.setString(2, key.key());
                ps.executeUpdate();
            }
            audit.write(c, actor, "policy.unset", s + " " + key.key(), old.get(), null);
            return true;
        });
    }
}
