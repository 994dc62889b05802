// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Store#check()} found.
 *
 * @param dialect {@code sqlite} or {@code postgresql}
 * @param url the store URL, password hidden
 * @param schemaVersion the schema version applied, or null for an empty database
 * @param pendingMigrations migrations this build has that the database lacks
 */
public record StoreStatus(String dialect, String url, @Nullable String schemaVersion, int pendingMigrations) {
    public boolean upToDate() {
        return pendingMigrations == 0;
    }
}
