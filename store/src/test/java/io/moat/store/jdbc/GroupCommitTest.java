// SPDX-License-Identifier: Apache-2.0
package io.moat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.store.StoreConfig;
import io.moat.store.StoreException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouped writes on SQLite: many callers share commits, and one failing caller undoes only its own work. */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void concurrentWritersAllCommitAndAFailureStaysWithItsCaller() throws Exception {
        try (JdbcStore store = JdbcStore.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC())) {
            Database db = store.database();
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)");
                }
                return null;
            });
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                results.add(pool.submit(() -> db.writeGrouped(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (n) VALUES (?)")) {
                        ps.setInt(1, n);
                        ps.executeUpdate();
                    }
                    if (n % 100 == 7) {
                        throw new StoreException("refused " + n);
                    }
                    return n;
                })));
            }
            int failed = 0;
            for (Future<Integer> f : results) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StoreException.class).hasMessageStartingWith("refused ");
                    failed++;
                }
            }
            pool.shutdown();
            assertThat(failed).isEqualTo(5);
            long rows = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(n % 100 = 7) FROM t")) {
                    rs.next();
                    assertThat(rs.getLong(2)).isZero();
                    return rs.getLong(1);
                }
            });
            assertThat(rows).isEqualTo(495);
        }
    }
}
