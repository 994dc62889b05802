// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.Actor;
import io.moat.store.Authentication;
import io.moat.store.Role;
import io.moat.store.StoreException;
import io.moat.store.User;
import io.moat.store.Users;
import io.moat.store.password.Argon2idHasher;
import io.moat.store.password.RandomPasswords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users in SQL with Argon2id password hashes; the audit trail sees roles and scopes, never passwords. */
final class JdbcUsers implements Users {
    static final int MIN_PASSWORD = 12;

    /** A hash to verify against for unknown users, so they cost the same; made on first use. */
    private static final class Dummy {
        static final String HASH = Argon2idHasher.owaspMinimum().hash("not-a-password".toCharArray());
    }

    private final Database db;
    private final JdbcAuditLog audit;
    private final Clock clock;
    private final Argon2idHasher hasher;
    private final RandomPasswords passwords = new RandomPasswords();

    JdbcUsers(Database db, JdbcAuditLog audit, Clock clock, Argon2idHasher hasher) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.hasher = hasher;
    }

    @Override
    public List<User> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM app_user ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<User> find(String name) {
        return db.read(c -> find(c, name).map(UserRow::user));
    }

    private record UserRow(User user, String hash) { }

    private static Optional<UserRow> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM app_user WHERE name = ?")) {
            ps.setString(1, name.trim().toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new UserRow(row(rs), rs.getString("password_hash"))) : Optional.empty();
            }
        }
    }

    private static User row(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes");
        return new User(rs.getString("name"), Role.valueOf(rs.getString("role")),
                scopes.isEmpty() ? List.of() : List.of(scopes.split(",")), rs.getBoolean("must_change"),
                Columns.instant(rs, "created_at"));
    }

    @Override
    public String create(String name, Role role, List<String> scopes, Actor actor) {
        User user = new User(name, role, scopes, true, clock.instant());
        String password = passwords.next();
        String hash = hasher.hash(password.toCharArray());
        db.write(c -> {
            if (find(c, user.name()).isPresent()) {
                throw new StoreException("user '" + user.name() + "' exists already");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (name, role, scopes, password_hash, must_change,"
                    + " created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, user.name());
                ps.setString(2, role.name());
                ps.setString(3, String.join(",", user.scopes()));
                ps.setString(4, hash);
                ps.setBoolean(5, true);
                ps.setLong(6, clock.millis());
                ps.setLong(7, clock.millis());
                ps.executeUpdate();
            }
            audit.write(c, actor, "user.create", user.name(), null, describe(user));
            return null;
        });
        return password;
    }

    @Override
    public boolean delete(String name, Actor actor) {
        return db.write(c -> {
            Optional<UserRow> old = find(c, name);
            if (old.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_user WHERE name = ?")) {
                ps.setString(1, old.get().user().name());
                ps.executeUpdate();
            }
            audit.write(c, actor, "user.delete", old.get().user().name(), describe(old.get().user()), null);
            return true;
        });
    }

    @Override
    public String resetPassword(String name, Actor actor) {
        String password = passwords.next();
        storePassword(name, password.toCharArray(), true, actor, "user.reset-password");
        return password;
    }

    @Override
    public void changePassword(String name, char[] newPassword, Actor actor) {
        if (newPassword.length < MIN_PASSWORD) {
            throw new StoreException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        storePassword(name, newPassword, false, actor, "user.change-password");
    }

    private void storePassword(String name, char[] password, boolean mustChange, Actor actor, String action) {
        String hash = hasher.hash(password);
        db.write(c -> {
            User user = find(c, name).orElseThrow(() -> new StoreException("no user '" + name + "'")).user();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET password_hash = ?, must_change = ?, password_changed_at = ? WHERE name = ?")) {
                ps.setString(1, hash);
                ps.setBoolean(2, mustChange);
                ps.setLong(3, clock.millis());
                ps.setString(4, user.name());
                ps.executeUpdate();
            }
            audit.write(c, actor, action, user.name(), null, mustChange ? "must change on next login" : null);
            return null;
        });
    }

    @Override
    public Authentication authenticate(String name, char[] password) {
        Optional<UserRow> row = db.read(c -> find(c, name));
        if (row.isEmpty()) {
            hasher.verify(password, Dummy.HASH);
            return new Authentication.Denied();
        }
        if (!hasher.verify(password, row.get().hash())) {
            return new Authentication.Denied();
        }
        User user = row.get().user();
        return user.mustChangePassword() ? new Authentication.MustChangePassword(user) : new Authentication.Granted(user);
    }

    private static String describe(User u) {
        return "role=" + u.role().label() + " scopes=" + String.join(",", u.scopes());
    }
}
