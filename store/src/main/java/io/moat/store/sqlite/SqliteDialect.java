// SPDX-License-Identifier: Apache-2.0
package io.moat.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import io.moat.store.SchemaMode;
import io.moat.store.StoreConfig;
import io.moat.store.StoreException;
import io.moat.store.jdbc.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Connects to a SQLite file with the settings that make quarantine writes durable. */
public final class SqliteDialect implements Dialect {
    /** How long a writer waits for another process's write lock (the CLI vs the daemon). */
    static final int BUSY_TIMEOUT_MS = 30_000;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String migrations() {
        return "classpath:db/sqlite";
    }

    @Override
    public boolean singleWriter() {
        return true;
    }

    @Override
    public HikariConfig pool(StoreConfig config) {
        Path file = file(config.url());
        prepare(file, config.schema() == SchemaMode.MIGRATE);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(sqlite);
        ds.setUrl(config.url());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("moat-sqlite");
        pool.setMaximumPoolSize(config.poolSize());
        pool.setConnectionTimeout(BUSY_TIMEOUT_MS);
        return pool;
    }

    /** The file of a {@code jdbc:sqlite:PATH} URL (parameters after {@code ?} dropped). */
    static Path file(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file::memory:")) {
            throw new StoreException("an in-memory SQLite store would lose the quarantine: give a file path");
        }
        return Path.of(path.startsWith("file:") ? path.substring("file:".length()) : path);
    }

    private static void prepare(Path file, boolean create) {
        if (Files.exists(file)) {
            return;
        }
        if (!create) {
            throw new StoreException("no store at " + file + ": create it with 'moat store migrate'");
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the store's directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
