// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import io.moat.store.jdbc.JdbcStore;
import java.time.Clock;

/**
 * The one store the daemon and the CLI share: SQLite on one node, PostgreSQL for a fleet. Open it
 * once, share it between threads, close it on shutdown.
 */
public interface Store extends AutoCloseable {

    /** Opens the store at {@code config.url()}; migrates the schema first when asked to. */
    static Store open(StoreConfig config, Clock clock) {
        return JdbcStore.open(config, clock);
    }

    QuarantineStore quarantine();

    MessageLog messageLog();

    Domains domains();

    Mailboxes mailboxes();

    Policies policies();

    Users users();

    AuditLog audit();

    /** The statistical filter's shared state. */
    BayesTokens bayes();

    /** Connects, and compares the schema with this build's migrations. */
    StoreStatus check();

    /** Applies pending migrations; returns how many. */
    int migrate();

    @Override
    void close();
}
