// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import io.moat.milter.config.StoreSettings;
import io.moat.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges expired quarantine copies and message-log rows once an hour (DESIGN.md: 15 and 180 days
 * by default; a domain may keep its quarantine longer). {@code moat quarantine purge} does the
 * same on demand.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private final ScheduledExecutorService timer;

    private RetentionJob(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static RetentionJob start(Store store, StoreSettings settings, Clock clock) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("moat-retention").factory());
        timer.scheduleWithFixedDelay(() -> purge(store, settings, clock), 1, 60, TimeUnit.MINUTES);
        return new RetentionJob(timer);
    }

    static void purge(Store store, StoreSettings settings, Clock clock) {
        try {
            Instant now = clock.instant();
            int q = store.quarantine().purge(now, settings.quarantineDays());
            int l = store.messageLog().purge(now.minus(Duration.ofDays(settings.logDays())));
            if (q + l > 0) {
                LOG.info("retention: purged {} quarantined messages and {} message-log rows", q, l);
            }
        } catch (RuntimeException e) {
            LOG.warn("retention purge failed, will retry in an hour: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
