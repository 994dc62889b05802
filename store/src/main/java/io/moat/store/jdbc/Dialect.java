// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.moat.store.StoreConfig;

/** What differs between the databases the store runs on: connecting, and the migrations folder. */
public interface Dialect {
    /** {@code sqlite} or {@code postgresql}. */
    String name();

    /** The Flyway location of this dialect's migrations, e.g. {@code classpath:db/sqlite}. */
    String migrations();

    /** The pool settings for {@code config}; checks first that the database can be reached. */
    HikariConfig pool(StoreConfig config);

    /** True when only one transaction may write at a time (SQLite), so writers queue in the JVM. */
    boolean singleWriter();
}
