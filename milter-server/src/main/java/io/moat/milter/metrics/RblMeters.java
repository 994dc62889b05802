// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.moat.milter.filter.rbl.RblCounters;
import io.moat.milter.filter.rbl.RblZone;
import java.util.List;
import java.util.Locale;

/**
 * Reads the DNS clients' own {@link RblCounters} at scrape time: one series per configured list
 * and outcome, so a list answering "blocked" or a resolver timing out shows as its own rate.
 * Only configured list names become tags.
 */
public final class RblMeters implements MeterBinder {
    private final List<RblZone> zones;
    private final RblCounters counters;

    public RblMeters(List<RblZone> zones, RblCounters counters) {
        this.zones = List.copyOf(zones);
        this.counters = counters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RblZone z : zones) {
            for (RblCounters.Outcome o : RblCounters.Outcome.values()) {
                FunctionCounter.builder("moat.rbl.answers", counters, c -> c.get(z.name(), o))
                        .description("DNS list answers to the queries sent (cache hits not counted), by list and outcome")
                        .tag("zone", z.name())
                        .tag("outcome", o.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
    }
}
