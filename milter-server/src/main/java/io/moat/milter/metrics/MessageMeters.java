// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.record.MessageRecorder;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.Classification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts what the gateway log line says, one record at a time: messages and recipients by
 * classification and action, and the time Moat spent on the message. Tags come from two closed
 * sets (the classes and the actions), so a sender can never add a series; every pair exists
 * from the start at zero, so a rate over it is defined before the first such message.
 */
public final class MessageMeters implements MessageRecorder {
    /** Bucket bounds of the filter-time histogram: what a Postfix admin tells apart. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60)};
    static final String OTHER = "other";

    private final Map<String, Counter> messages = new HashMap<>();
    private final Map<String, Counter> recipients = new HashMap<>();
    private final Timer filterTime;

    public MessageMeters(MeterRegistry registry) {
        for (Classification c : Classification.values()) {
            for (Action a : Action.values()) {
                register(registry, c.label(), a.label());
            }
            register(registry, c.label(), OTHER);
        }
        this.filterTime = Timer.builder("moat.message.filter")
                .description("Time Moat spent on a message (milter commands only, not the MTA's time between them)")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private void register(MeterRegistry registry, String classification, String action) {
        String key = classification + " " + action;
        messages.put(key, Counter.builder("moat.messages")
                .description("Messages by final classification and action, one per gateway log line")
                .tag("classification", classification).tag("action", action).register(registry));
        recipients.put(key, Counter.builder("moat.recipients")
                .description("Recipients by the classification and action their copy of the message got")
                .tag("classification", classification).tag("action", action).register(registry));
    }

    @Override
    public void record(MessageRecord r) {
        String key = r.classification().label() + " " + action(r.action());
        messages.get(key).increment();
        // A message refused or tempfailed before RCPT has no recipient: still a message, no recipient.
        recipients.get(key).increment(r.recipients().size());
        filterTime.record(r.elapsed());
    }

    /** The action label as the closed set knows it; anything new is {@value #OTHER}, never a new series. */
    static String action(String label) {
        for (Action a : Action.values()) {
            if (a.label().equals(label)) {
                return label;
            }
        }
        return OTHER;
    }
}
