// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a channel that outlives its deadline. Closing unblocks a pending connect, read or write
 * on TCP and unix sockets alike, which socket timeouts cannot do for unix-domain channels.
 */
final class Watchdog implements Closeable {
    private final ScheduledThreadPoolExecutor timer;

    Watchdog(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    Deadline arm(Channel ch, Duration limit) {
        return new Deadline(ch, limit);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One armed deadline; cancel it when the work is done in time. */
    final class Deadline {
        private final AtomicBoolean fired = new AtomicBoolean();
        private final ScheduledFuture<?> task;
        private final Duration limit;

        private Deadline(Channel ch, Duration limit) {
            this.limit = limit;
            this.task = timer.schedule(() -> {
                fired.set(true);
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean fired() {
            return fired.get();
        }

        Duration limit() {
            return limit;
        }

        void cancel() {
            task.cancel(false);
        }
    }
}
