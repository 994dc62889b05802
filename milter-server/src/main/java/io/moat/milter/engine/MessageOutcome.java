// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

/** Per-message bookkeeping of the engine: time spent in Moat, bytes over the limit, logged or not. */
final class MessageOutcome {
    private long nanos;
    private long overflowBytes;
    private boolean recorded;

    void addNanos(long n) {
        nanos += n;
    }

    /** Time Moat itself spent on this message so far, up to the command now running. */
    long elapsedNanos() {
        return nanos;
    }

    void overflow(long bytes) {
        overflowBytes += bytes;
    }

    long overflowBytes() {
        return overflowBytes;
    }

    boolean recorded() {
        return recorded;
    }

    void markRecorded() {
        recorded = true;
    }
}
