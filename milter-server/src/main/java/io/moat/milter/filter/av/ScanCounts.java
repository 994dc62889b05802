// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the antivirus scans of messages ended, one count per message (the worst answer of all
 * engines), for the metrics.
 */
public final class ScanCounts {
    /** The end of one message's scan. */
    public enum Result {
        CLEAN, INFECTED, TOO_LARGE, UNAVAILABLE, TIMEOUT, ERROR;

        static Result of(ScanResult r) {
            return switch (r) {
                case ScanResult.Clean c -> CLEAN;
                case ScanResult.Infected i -> INFECTED;
                case ScanResult.Failed f -> switch (f.cause()) {
                    case TOO_LARGE -> TOO_LARGE;
                    case UNAVAILABLE -> UNAVAILABLE;
                    case TIMEOUT -> TIMEOUT;
                    case ERROR -> ERROR;
                };
            };
        }

        /** The tag value: lower case, {@code too_large}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final LongAdder[] counts = new LongAdder[Result.values().length];

    ScanCounts() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void count(ScanResult r) {
        counts[Result.of(r).ordinal()].increment();
    }

    public long get(Result r) {
        return counts[r.ordinal()].sum();
    }
}
