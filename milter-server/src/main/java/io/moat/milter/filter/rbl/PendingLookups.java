// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fan-out of list lookups started together under one deadline. Each lookup that has not
 * answered when the deadline passes becomes {@link RblAnswer.Unavailable}, so {@link #await()}
 * returns at the deadline at the latest, however slow or dead the resolver is.
 */
public final class PendingLookups {
    /** One lookup in flight. */
    private record Entry(RblZone zone, String subject, CompletableFuture<RblAnswer> answer) {
    }

    public static final PendingLookups NONE = new PendingLookups(List.of());

    private final List<Entry> entries;

    private PendingLookups(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Collects lookups to start. The deadline counts from the builder's creation, so time spent
     * starting the lookups (the first one loads dnsjava) is inside it. It is real elapsed time
     * ({@code System.nanoTime}), as the timer that enforces it is.
     */
    public static final class Builder {
        private final DnsBlocklistClient client;
        private final Duration deadline;
        private final long startNanos = System.nanoTime();
        private final List<Entry> entries = new ArrayList<>();

        public Builder(DnsBlocklistClient client) {
            this.client = client;
            this.deadline = client.timeout();
        }

        public Builder add(RblZone zone, String subject, String queryName) {
            long left = Math.max(0, deadline.toNanos() - (System.nanoTime() - startNanos));
            CompletableFuture<RblAnswer> f = client.lookup(queryName, zone).completeOnTimeout(
                    new RblAnswer.Unavailable("no answer within " + deadline.toMillis() + "ms"), left, TimeUnit.NANOSECONDS);
            entries.add(new Entry(zone, subject, f));
            return this;
        }

        public PendingLookups start() {
            return entries.isEmpty() ? NONE : new PendingLookups(entries);
        }
    }

    public boolean isDone() {
        return entries.stream().allMatch(e -> e.answer().isDone());
    }

    /** Every answer, in the order started; blocks until the last one answers or the deadline passes. */
    public List<ZoneAnswer> await() {
        List<ZoneAnswer> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(new ZoneAnswer(e.zone(), e.subject(), e.answer().join()));
        }
        return out;
    }
}
