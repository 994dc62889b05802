// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.moat.store.StoreConfig;
import io.moat.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection pool and the two ways work runs on it: {@link #read} in auto-commit, and
 * {@link #write} in one transaction that is committed (durably, for SQLite
 * {@code synchronous=FULL}) before it returns, or rolled back.
 */
public final class Database implements AutoCloseable {
    private final StoreConfig config;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final ReentrantLock writer = new ReentrantLock(true);
    private final GroupCommit group = new GroupCommit();

    public Database(StoreConfig config, Dialect dialect) {
        this.config = config;
        this.dialect = dialect;
        try {
            this.pool = new HikariDataSource(dialect.pool(config));
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new StoreException("cannot open the store at " + config.safeUrl() + ": " + rootMessage(e), e);
        }
    }

    public HikariDataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    public StoreConfig config() {
        return config;
    }

    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    public <T> T write(Work<T> work) {
        boolean serial = dialect.singleWriter();
        if (serial) {
            writer.lock();
        }
        try (Connection c = pool.getConnection()) {
            return inTransaction(c, work);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            if (serial) {
                writer.unlock();
            }
        }
    }

    /**
     * Like {@link #write}, for small independent writes that arrive concurrently (quarantine puts,
     * message-log rows): on a single-writer database they share one commit; a failure of one does
     * not undo the others. Returns after the commit that holds this work.
     */
    public <T> T writeGrouped(Work<T> work) {
        if (!dialect.singleWriter()) {
            return write(work);
        }
        try {
            return group.run(writer, pool::getConnection, work);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private StoreException translate(SQLException e) {
        return new StoreException("store error (" + config.safeUrl() + "): " + rootMessage(e), e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        pool.close();
    }
}
