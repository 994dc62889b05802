// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.moat.milter.store.StoreMessageLog;

/** Message-log rows dropped because the store could not keep up (the mail itself is unaffected). */
public final class MessageLogMeters implements MeterBinder {
    private final StoreMessageLog log;

    public MessageLogMeters(StoreMessageLog log) {
        this.log = log;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("moat.message.log.dropped", log, StoreMessageLog::dropped)
                .description("Message-log rows (one per recipient) dropped because the store's write queue was full")
                .register(registry);
    }
}
