// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.record.MessageRecord;
import io.moat.milter.verdict.Classification;
import io.moat.store.LogQuery;
import io.moat.store.LogRow;
import io.moat.store.MessageLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The message log gathers rows for its linger time and commits them together; closing does not wait. */
class StoreMessageLogTest {
    private final List<List<LogRow>> batches = new CopyOnWriteArrayList<>();
    private final MessageLog store = new MessageLog() {
        @Override
        public void append(List<LogRow> rows) {
            batches.add(List.copyOf(rows));
        }

        @Override
        public List<LogRow> search(LogQuery query) {
            return List.of();
        }

        @Override
        public int purge(Instant cutoff) {
            return 0;
        }
    };

    private static MessageRecord message(String queueId) {
        return new MessageRecord(Instant.parse("2026-11-24T05:00:00Z"), "mx", "deliver", Classification.CLEAN,
                "sender@outside.example", List.of("user@customer.example"), "hello", "<" + queueId + "@example.org>", 0,
                4096, queueId, "192.0.2.1", Duration.ofMillis(1), List.of(), 0);
    }

    @Test
    void rowsRecordedWithinTheLingerAreCommittedInOneBatch() throws InterruptedException {
        StoreMessageLog log = new StoreMessageLog(store, 100, Duration.ofMillis(500));
        log.record(message("Q1"));
        log.record(message("Q2"));
        log.record(message("Q3"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (batches.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        log.close(Duration.ofSeconds(10));
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).extracting(LogRow::queueId).containsExactly("Q1", "Q2", "Q3");
    }

    @Test
    void closingWritesWhatIsQueuedWithoutWaitingForTheLinger() {
        StoreMessageLog log = new StoreMessageLog(store, 100, Duration.ofMinutes(5));
        log.record(message("Q1"));
        long start = System.nanoTime();
        log.close(Duration.ofSeconds(60));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(batches).singleElement().satisfies(b -> assertThat(b).extracting(LogRow::queueId).containsExactly("Q1"));
    }
}
