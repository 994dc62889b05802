// SPDX-License-Identifier: Apache-2.0
package io.moat.store.postgres;

import io.moat.store.AuditLogContract;
import io.moat.store.BayesTokensContract;
import io.moat.store.MessageLogContract;
import io.moat.store.QuarantineStoreContract;
import io.moat.store.SettingsContract;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.TestClock;
import io.moat.store.UsersContract;
import io.moat.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The store contracts on a real PostgreSQL server on loopback; tables are emptied between tests. */
class PostgresStoreTest implements QuarantineStoreContract, MessageLogContract, SettingsContract, UsersContract, AuditLogContract,
        BayesTokensContract {
    private static String url;
    private Store store;
    private TestClock clock;

    @BeforeAll
    static void server() {
        url = PostgresServer.shared().createDatabase("contract");
    }

    @BeforeEach
    void open() throws SQLException {
        clock = new TestClock(T0);
        store = Store.open(StoreConfig.of(url), clock);
        try (Connection c = ((JdbcStore) store).database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE quarantine, quarantine_recipient, message_log, domain, mailbox, policy, app_user, audit,"
                    + " bayes_tokens, bayes_messages RESTART IDENTITY CASCADE");
            s.execute("UPDATE bayes_totals SET messages = 0");
        }
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
