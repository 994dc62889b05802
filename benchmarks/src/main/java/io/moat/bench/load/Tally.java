// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one worker saw in the measured window: per-message latency in microseconds, the replies
 * that ended the messages, and errors. Not thread-safe: one per worker, merged at the end.
 */
public final class Tally {
    /** Latencies from 1 µs to 60 s at three significant digits. */
    final Histogram latencyMicros = new Histogram(1, 60_000_000L, 3);
    final long[] replies = new long[128];
    long messages;
    long connections;
    long errors;
    String firstError = "";
    long firstStart = Long.MAX_VALUE;
    long lastEnd = Long.MIN_VALUE;

    public long messages() {
        return messages;
    }

    public long errors() {
        return errors;
    }

    public long lastEnd() {
        return lastEnd;
    }

    void message(long startNanos, long endNanos, char reply) {
        latencyMicros.recordValue(Math.min(60_000_000L, Math.max(1, (endNanos - startNanos) / 1_000)));
        replies[reply & 0x7f]++;
        messages++;
        firstStart = Math.min(firstStart, startNanos);
        lastEnd = Math.max(lastEnd, endNanos);
    }

    void error(Exception e) {
        if (errors++ == 0) {
            firstError = e.toString();
        }
    }

    void add(Tally other) {
        latencyMicros.add(other.latencyMicros);
        for (int i = 0; i < replies.length; i++) {
            replies[i] += other.replies[i];
        }
        messages += other.messages;
        connections += other.connections;
        errors += other.errors;
        if (firstError.isEmpty()) {
            firstError = other.firstError;
        }
        firstStart = Math.min(firstStart, other.firstStart);
        lastEnd = Math.max(lastEnd, other.lastEnd);
    }
}
