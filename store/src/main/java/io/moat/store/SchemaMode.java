// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

/** What opening a store does about its schema. */
public enum SchemaMode {
    /** Apply pending migrations (creating the SQLite file if needed): the daemon, {@code moat store migrate}. */
    MIGRATE,
    /** Refuse a store with pending migrations, and a SQLite file that does not exist: most CLI commands. */
    REQUIRE_CURRENT,
    /** Open whatever is there without judging it: {@code moat store check}. */
    AS_IS
}
