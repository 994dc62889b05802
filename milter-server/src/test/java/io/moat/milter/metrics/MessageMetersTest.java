// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.verdict.Classification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageMetersTest {
    final AtomicLong nanos = new AtomicLong();
    final PrometheusMeterRegistry registry = MetricsExport.registry(
            Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC), nanos::get);
    final MessageMeters meters = new MessageMeters(registry);

    static MessageRecord record(Classification c, String action, List<String> rcpts, Duration elapsed) {
        return new MessageRecord(Instant.parse("2026-11-24T03:00:00Z"), "mx.test", action, c, "alice@example.org", rcpts,
                "Secret subject", "<id@example.org>", 0.5, 1234, "4ABCD", "192.0.2.1", elapsed, List.of(), 0);
    }

    double messages(String classification, String action) {
        return registry.get("moat.messages").tag("classification", classification).tag("action", action).counter().count();
    }

    @Test
    void everyClassAndActionPairExistsAtZeroBeforeTheFirstMessage() {
        assertThat(registry.find("moat.messages").counters()).hasSize(7 * 7);
        assertThat(registry.find("moat.messages").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(new Scrape(registry.scrape()).value("moat_messages_total", "action", "tag", "classification", "bad-header"))
                .isZero();
    }

    @Test
    void countsMessagesAndRecipientsByClassificationAndAction() {
        meters.record(record(Classification.CLEAN, "deliver", List.of("b@example.net", "c@example.net"), Duration.ofMillis(3)));
        meters.record(record(Classification.CLEAN, "deliver", List.of("b@example.net"), Duration.ofMillis(4)));
        meters.record(record(Classification.SPAM, "reject", List.of(), Duration.ofMillis(7)));

        assertThat(messages("clean", "deliver")).isEqualTo(2);
        assertThat(messages("spam", "reject")).isEqualTo(1);
        assertThat(messages("spam", "deliver")).isZero();
        assertThat(registry.get("moat.recipients").tag("classification", "clean").tag("action", "deliver").counter().count())
                .isEqualTo(3);
        assertThat(registry.get("moat.recipients").tag("classification", "spam").tag("action", "reject").counter().count())
                .isZero();
    }

    @Test
    void filterTimeGoesToTheHistogramBuckets() {
        meters.record(record(Classification.CLEAN, "deliver", List.of("b@example.net"), Duration.ofMillis(3)));
        meters.record(record(Classification.CLEAN, "deliver", List.of("b@example.net"), Duration.ofMillis(40)));
        Timer t = registry.get("moat.message.filter").timer();
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(43);
        CountAtBucket[] buckets = t.takeSnapshot().histogramCounts();
        assertThat(buckets).filteredOn(b -> b.bucket(java.util.concurrent.TimeUnit.MILLISECONDS) == 5).singleElement()
                .satisfies(b -> assertThat(b.count()).isEqualTo(1));
        assertThat(buckets).filteredOn(b -> b.bucket(java.util.concurrent.TimeUnit.MILLISECONDS) == 50).singleElement()
                .satisfies(b -> assertThat(b.count()).isEqualTo(2));
        Scrape s = new Scrape(registry.scrape());
        assertThat(s.value("moat_message_filter_seconds_bucket", "le", "0.005")).isEqualTo(1);
        assertThat(s.value("moat_message_filter_seconds_count")).isEqualTo(2);
        assertThat(s.value("moat_message_filter_seconds_sum")).isEqualTo(0.043);
    }

    @Test
    void anUnknownActionWordIsCountedAsOtherNeverAsANewSeries() {
        meters.record(record(Classification.CLEAN, "something-new", List.of("b@example.net"), Duration.ZERO));
        assertThat(messages("clean", "other")).isEqualTo(1);
        assertThat(registry.find("moat.messages").counters()).hasSize(7 * 7);
    }

    @Test
    void senderRecipientAndSubjectNeverBecomeTags() {
        meters.record(record(Classification.CLEAN, "deliver", List.of("b@example.net"), Duration.ZERO));
        String text = registry.scrape();
        assertThat(text).doesNotContain("alice@example.org", "b@example.net", "Secret subject", "4ABCD", "192.0.2.1");
    }
}
