// SPDX-License-Identifier: Apache-2.0
package io.moat.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.store.QuarantineEntry;
import io.moat.store.QuarantineReceipt;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.postgres.PostgresServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost, on SQLite and PostgreSQL: a writer killed with SIGKILL in the middle of quarantine writes leaves every
 * message it reported committed (the point where the daemon answers Postfix) in the store, and
 * Postfix's retry of any of them (same queue id and bytes) is not stored twice.
 */
class KilledWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyCommittedMessageSurvivesSigkillAndARetryIsNotStoredTwice() throws Exception {
        survivesSigkill("jdbc:sqlite:" + dir.resolve("moat.db"));
    }

    @Test
    void theSameHoldsOnPostgres() throws Exception {
        survivesSigkill(PostgresServer.shared().createDatabase("killed"));
    }

    private static void survivesSigkill(String url) throws Exception {
        Map<String, Long> committed = runAndKill(url, 40);

        try (Store store = Store.open(StoreConfig.of(url), Clock.systemUTC())) {
            for (Map.Entry<String, Long> c : committed.entrySet()) {
                int n = Integer.parseInt(c.getKey().substring(1));
                QuarantineEntry retried = QuarantineWriterProcess.entry(n);
                assertThat(store.quarantine().content(c.getValue())).hasValueSatisfying(b -> assertThat(b).isEqualTo(retried.content()));
                QuarantineReceipt again = store.quarantine().put(retried);
                assertThat(again.alreadyStored()).isTrue();
                assertThat(again.id()).isEqualTo(c.getValue());
            }
        }
    }

    /** Starts the writer, reads until {@code count} commits were reported, then SIGKILLs it. */
    private static Map<String, Long> runAndKill(String url, int count) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QuarantineWriterProcess.class.getName(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, Long> committed = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while (committed.size() < count && (line = r.readLine()) != null) {
                String[] f = line.split(" ");
                committed.put(f[1], Long.parseLong(f[2]));
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(committed).hasSize(count);
        return committed;
    }
}
