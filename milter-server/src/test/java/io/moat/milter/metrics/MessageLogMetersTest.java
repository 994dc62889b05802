// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.moat.milter.store.StoreMessageLog;
import io.moat.milter.verdict.Classification;
import io.moat.store.LogQuery;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message log's dropped rows, on a real SQLite store whose write queue is far too small. */
class MessageLogMetersTest {
    @TempDir
    Path dir;

    @Test
    void rowsThatDidNotFitTheQueueAreCountedAndTheRestAreWritten() {
        int recipients = 2000;
        try (Store store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC())) {
            StoreMessageLog log = new StoreMessageLog(store.messageLog(), 1);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new MessageLogMeters(log).bindTo(registry);
            List<String> rcpts = IntStream.range(0, recipients).mapToObj(i -> "r" + i + "@example.net").toList();

            log.record(MessageMetersTest.record(Classification.CLEAN, "deliver", rcpts, Duration.ofMillis(1)));
            log.close(Duration.ofSeconds(30));

            double dropped = registry.get("moat.message.log.dropped").functionCounter().count();
            int written = store.messageLog().search(LogQuery.all(recipients + 1)).size();
            assertThat(dropped).isPositive().isEqualTo(log.dropped());
            assertThat(written + (long) dropped).isEqualTo(recipients);
        }
    }
}
