// SPDX-License-Identifier: Apache-2.0
package io.moat.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import io.moat.store.StoreConfig;
import io.moat.store.jdbc.Dialect;

/** Connects to PostgreSQL through pgJDBC. Commits wait for the WAL flush (the server default). */
public final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String migrations() {
        return "classpath:db/postgres";
    }

    @Override
    public boolean singleWriter() {
        return false;
    }

    @Override
    public HikariConfig pool(StoreConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setJdbcUrl(config.url());
        if (config.user() != null) {
            pool.setUsername(config.user());
        }
        if (config.password() != null) {
            pool.setPassword(config.password());
        }
        pool.setPoolName("moat-postgres");
        pool.setMaximumPoolSize(config.poolSize());
        pool.setConnectionTimeout(10_000);
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        pool.addDataSourceProperty("connectTimeout", "5");
        pool.addDataSourceProperty("ApplicationName", "moat");
        return pool;
    }
}
