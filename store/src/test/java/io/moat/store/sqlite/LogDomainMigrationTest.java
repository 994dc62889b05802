// SPDX-License-Identifier: Apache-2.0
package io.moat.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.store.LogQuery;
import io.moat.store.LogRow;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a store from schema 001 fills the domain columns of rows logged before. */
class LogDomainMigrationTest {
    @TempDir
    Path dir;

    @Test
    void rowsLoggedBeforeTheUpgradeAreFoundByDomain() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("moat.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite").table("schema_history").target("001")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO message_log (logged_at, host, queue_id, sender, recipient, destination, classification, score,"
                    + " size) VALUES (1000, 'mx1', 'OLD', 'a@sender.example', 'ann@example.org', 'DELIVERED', 'CLEAN', 0, 10)");
        }

        try (Store store = Store.open(StoreConfig.of(url), Clock.systemUTC())) {
            assertThat(store.check().schemaVersion()).isEqualTo("003");
            assertThat(store.messageLog().search(new LogQuery(null, "*@example.org", null, null, null, null, null, null, 10)))
                    .extracting(LogRow::queueId).containsExactly("OLD");
            assertThat(store.messageLog().search(new LogQuery("*@sender.example", null, null, null, null, null, null, null, 10)))
                    .extracting(LogRow::queueId).containsExactly("OLD");
        }
    }
}
