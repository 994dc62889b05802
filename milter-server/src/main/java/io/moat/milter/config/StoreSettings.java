// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import org.jspecify.annotations.Nullable;

/**
 * Where the store is and how long it keeps things. The password is never printed.
 *
 * @param url {@code jdbc:sqlite:/path} or {@code jdbc:postgresql://host/db}
 * @param quarantineDays default quarantine retention (a domain may override it in the store)
 * @param logDays message-log retention
 */
public record StoreSettings(String url, @Nullable String user, @Nullable String password, int poolSize,
        int quarantineDays, int logDays) {
    public static final String DEFAULT_URL = "jdbc:sqlite:/var/lib/moat/moat.db";

    public StoreSettings {
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store.url must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        if (quarantineDays < 1 || logDays < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day");
        }
    }

    /** The store module's settings for opening this store (schema migrated on open). */
    public io.moat.store.StoreConfig storeConfig() {
        return io.moat.store.StoreConfig.of(url).withCredentials(user, password).withPoolSize(poolSize);
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", poolSize=" + poolSize
                + ", quarantineDays=" + quarantineDays + ", logDays=" + logDays + "]";
    }
}
