// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.moat.milter.filter.av.AntivirusFilter;
import io.moat.milter.filter.av.ScanCounts;

/** The antivirus filter's own counts: scans by result, messages let through unscanned by fail-open, and messages tempfailed instead. */
public final class AntivirusMeters implements MeterBinder {
    private final AntivirusFilter filter;

    public AntivirusMeters(AntivirusFilter filter) {
        this.filter = filter;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ScanCounts.Result r : ScanCounts.Result.values()) {
            FunctionCounter.builder("moat.antivirus.scans", filter.scans(), s -> s.get(r))
                    .description("Messages scanned by clamd, by the worst answer of all engines")
                    .tag("result", r.label())
                    .register(registry);
        }
        FunctionCounter.builder("moat.antivirus.fail.open", filter, AntivirusFilter::failedOpen)
                .description("Messages delivered unscanned because clamd could not answer and every recipient's policy is fail-open")
                .register(registry);
        FunctionCounter.builder("moat.antivirus.failed.closed", filter, f -> (double) f.failedClosed())
                .description("Messages tempfailed because clamd could not answer and some recipient's policy is fail-closed")
                .register(registry);
    }
}
