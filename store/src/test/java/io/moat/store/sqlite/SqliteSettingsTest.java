// SPDX-License-Identifier: Apache-2.0
package io.moat.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.StoreException;
import io.moat.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite connection settings that make a committed quarantine write durable. */
class SqliteSettingsTest {
    @TempDir
    Path dir;

    @Test
    void connectionsUseWalFullSyncAndForeignKeys() throws Exception {
        try (Store store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC());
                Connection c = ((JdbcStore) store).database().dataSource().getConnection();
                Statement s = c.createStatement()) {
            assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(s, "synchronous")).isEqualTo("2");
            assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(s, "busy_timeout")).isEqualTo("30000");
        }
    }

    private static String pragma(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void openingAMissingFileWithoutMigrateSaysHowToCreateIt() {
        StoreConfig config = StoreConfig.of("jdbc:sqlite:" + dir.resolve("none.db")).withSchema(io.moat.store.SchemaMode.REQUIRE_CURRENT);
        assertThatThrownBy(() -> Store.open(config, Clock.systemUTC())).isInstanceOf(StoreException.class)
                .hasMessageContaining("no store at").hasMessageContaining("moat store migrate");
    }

    @Test
    void checkReportsTheSchemaVersionAndNothingPending() {
        try (Store store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC())) {
            assertThat(store.check().schemaVersion()).isEqualTo("003");
            assertThat(store.check().upToDate()).isTrue();
            assertThat(store.check().dialect()).isEqualTo("sqlite");
            assertThat(store.migrate()).isZero();
        }
    }

    @Test
    void anInMemoryStoreIsRefused() {
        assertThatThrownBy(() -> Store.open(StoreConfig.of("jdbc:sqlite::memory:"), Clock.systemUTC()))
                .isInstanceOf(StoreException.class).hasMessageContaining("in-memory");
    }
}
