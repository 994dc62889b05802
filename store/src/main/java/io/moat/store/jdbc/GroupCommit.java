// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Group commit for a single-writer database (SQLite): writers queue their work; whoever holds the
 * write lock runs every queued piece in one transaction, each under its own savepoint (one failing
 * piece does not undo the others), and commits once: one fsync for many messages. Every caller
 * returns only after the commit that holds its work.
 */
final class GroupCommit {
    private static final int MAX_GROUP = 256;

    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    /** One queued piece of work and, once run, its outcome. */
    private static final class Pending<T> {
        final Work<T> work;
        volatile boolean done;
        @Nullable T result;
        @Nullable Exception error;

        Pending(Work<T> work) {
            this.work = work;
        }
    }

    /** Queues {@code work} and returns its result once committed; the lock is the database's writer lock. */
    <T> @Nullable T run(ReentrantLock writer, Connector connector, Work<T> work) throws SQLException {
        Pending<T> mine = new Pending<>(work);
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.done) {
                runGroup(connector);
            }
        } finally {
            writer.unlock();
        }
        if (mine.error instanceof SQLException e) {
            throw e;
        }
        if (mine.error instanceof RuntimeException e) {
            throw e;
        }
        return mine.result;
    }

    /** Opens a connection for a group. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private void runGroup(Connector connector) {
        List<Pending<?>> group = new ArrayList<>();
        Pending<?> p;
        while (group.size() < MAX_GROUP && (p = queue.poll()) != null) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return;
        }
        try (Connection c = connector.open()) {
            c.setAutoCommit(false);
            try {
                for (Pending<?> each : group) {
                    runOne(c, each);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                group.forEach(each -> each.error = e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            group.forEach(each -> each.error = e);
        }
        group.forEach(each -> each.done = true);
    }

    private static <T> void runOne(Connection c, Pending<T> p) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try {
            p.result = p.work.run(c);
            c.releaseSavepoint(sp);
        } catch (SQLException | RuntimeException e) {
            c.rollback(sp);
            p.error = e;
        }
    }

    private static void rollback(Connection c, Exception e) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
    }
}
