// SPDX-License-Identifier: Apache-2.0
package io.moat.store.sqlite;

import io.moat.store.AuditLogContract;
import io.moat.store.BayesTokensContract;
import io.moat.store.MessageLogContract;
import io.moat.store.QuarantineStoreContract;
import io.moat.store.SettingsContract;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.TestClock;
import io.moat.store.UsersContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contracts on a real SQLite file. */
class SqliteStoreTest implements QuarantineStoreContract, MessageLogContract, SettingsContract, UsersContract, AuditLogContract,
        BayesTokensContract {
    @TempDir
    Path dir;
    private Store store;
    private TestClock clock;

    @BeforeEach
    void open() {
        clock = new TestClock(T0);
        store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public TestClock clock() {
        return clock;
    }
}
