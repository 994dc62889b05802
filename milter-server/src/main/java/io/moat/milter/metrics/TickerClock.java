// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import java.time.Clock;
import java.util.function.LongSupplier;

/** Micrometer's clock over the daemon's injected wall clock and nanosecond ticker. */
public record TickerClock(Clock clock, LongSupplier ticker) implements io.micrometer.core.instrument.Clock {
    @Override
    public long wallTime() {
        return clock.millis();
    }

    @Override
    public long monotonicTime() {
        return ticker.getAsLong();
    }
}
