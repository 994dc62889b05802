// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the store is and how to open it.
 *
 * @param url {@code jdbc:sqlite:/var/lib/moat/moat.db} or {@code jdbc:postgresql://host:5432/moat}
 * @param user database user (PostgreSQL), or null to take it from the URL
 * @param password database password (PostgreSQL), or null; never logged
 * @param poolSize the most connections kept open
 * @param schema what opening does about the schema
 */
public record StoreConfig(String url, @Nullable String user, @Nullable String password, int poolSize, SchemaMode schema) {
    public static final String DEFAULT_URL = "jdbc:sqlite:/var/lib/moat/moat.db";

    public StoreConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store URL must start with jdbc:sqlite: or jdbc:postgresql:, got '" + redact(url) + "'");
        }
        Objects.requireNonNull(schema, "schema");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
        }
    }

    /** A store at {@code url} with 10 connections that migrates on open. */
    public static StoreConfig of(String url) {
        return new StoreConfig(url, null, null, 10, SchemaMode.MIGRATE);
    }

    public StoreConfig withSchema(SchemaMode mode) {
        return new StoreConfig(url, user, password, poolSize, mode);
    }

    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(url, user, password, size, schema);
    }

    public StoreConfig withCredentials(@Nullable String dbUser, @Nullable String dbPassword) {
        return new StoreConfig(url, dbUser, dbPassword, poolSize, schema);
    }

    public boolean sqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** The URL with any {@code password=} parameter hidden, for messages. */
    public String safeUrl() {
        return redact(url);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize + ", schema=" + schema + "]";
    }
}
