// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.AuditLog;
import io.moat.store.Domains;
import io.moat.store.Mailboxes;
import io.moat.store.MessageLog;
import io.moat.store.Policies;
import io.moat.store.QuarantineStore;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.StoreException;
import io.moat.store.StoreStatus;
import io.moat.store.Users;
import io.moat.store.password.Argon2idHasher;
import io.moat.store.postgres.PostgresDialect;
import io.moat.store.sqlite.SqliteDialect;
import java.time.Clock;

/** The store over one {@link Database}: wires the SQL implementations together. */
public final class JdbcStore implements Store {
    private final Database db;
    private final Migrations migrations;
    private final JdbcAuditLog audit;
    private final JdbcQuarantineStore quarantine;
    private final JdbcMessageLog messageLog;
    private final io.moat.store.BayesTokens bayes;
    private final JdbcDomains domains;
    private final JdbcMailboxes mailboxes;
    private final JdbcPolicies policies;
    private final JdbcUsers users;

    private JdbcStore(Database db, Clock clock) {
        this.db = db;
        this.migrations = new Migrations(db);
        this.audit = new JdbcAuditLog(db, clock);
        this.quarantine = new JdbcQuarantineStore(db, audit, clock);
        this.messageLog = new JdbcMessageLog(db);
        this.bayes = new JdbcBayesTokens(db);
        this.domains = new JdbcDomains(db, audit, clock);
        this.mailboxes = new JdbcMailboxes(db, audit, clock);
        this.policies = new JdbcPolicies(db, audit);
        this.users = new JdbcUsers(db, audit, clock, Argon2idHasher.owaspMinimum());
    }

    /** Opens the pool, then migrates (or checks) the schema; closes the pool again on failure. */
    public static JdbcStore open(StoreConfig config, Clock clock) {
        Database db = new Database(config, config.sqlite() ? new SqliteDialect() : new PostgresDialect());
        try {
            JdbcStore store = new JdbcStore(db, clock);
            switch (config.schema()) {
                case MIGRATE -> store.migrations.migrate();
                case REQUIRE_CURRENT -> store.migrations.requireCurrent();
                case AS_IS -> store.migrations.status();
            }
            return store;
        } catch (RuntimeException e) {
            db.close();
            throw e instanceof StoreException se ? se : new StoreException("cannot open the store: " + Database.rootMessage(e), e);
        }
    }

    @Override
    public QuarantineStore quarantine() {
        return quarantine;
    }

    @Override
    public io.moat.store.BayesTokens bayes() {
        return bayes;
    }

    @Override
    public MessageLog messageLog() {
        return messageLog;
    }

    @Override
    public Domains domains() {
        return domains;
    }

    @Override
    public Mailboxes mailboxes() {
        return mailboxes;
    }

    @Override
    public Policies policies() {
        return policies;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public StoreStatus check() {
        return migrations.status();
    }

    @Override
    public int migrate() {
        return migrations.migrate();
    }

    /** The database underneath, for benchmarks and tests in this module. */
    public Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
