// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import io.moat.store.StoreException;
import io.moat.store.StoreStatus;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** The schema, by Flyway, from the dialect's own migrations folder. */
final class Migrations {
    private final Database db;
    private final Flyway flyway;

    Migrations(Database db) {
        this.db = db;
        this.flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations(db.dialect().migrations())
                .table("schema_history")
                .load();
    }

    int migrate() {
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the store at " + db.config().safeUrl() + ": " + Database.rootMessage(e), e);
        }
    }

    StoreStatus status() {
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            return new StoreStatus(db.dialect().name(), db.config().safeUrl(),
                    current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
                    info.pending().length);
        } catch (FlywayException e) {
            throw new StoreException("cannot read the schema of " + db.config().safeUrl() + ": " + Database.rootMessage(e), e);
        }
    }

    void requireCurrent() {
        StoreStatus s = status();
        if (!s.upToDate()) {
            throw new StoreException("the store at " + s.url() + " is at schema version "
                    + (s.schemaVersion() == null ? "none" : s.schemaVersion()) + " with " + s.pendingMigrations()
                    + " migration(s) pending: run 'moat store migrate'");
        }
    }
}
