// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs store calls made from a virtual thread on a platform thread. The SQLite driver does its
 * work (and its fsync) in native code, and a virtual thread in native code cannot unmount: it
 * holds its carrier, one of only as many as there are cores, for the whole commit, and every
 * other SMTP session waits behind it. Handed to a platform thread, the call blocks only the
 * virtual thread that waits for it. Calls from platform threads run where they are.
 */
final class OffCarrier {
    private final ExecutorService pool;

    OffCarrier(String name, int threads) {
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(name + "-", 0).daemon(true).factory());
    }

    /** What {@code call} returns, computed on a platform thread; what it throws is rethrown as it was. */
    <T> T call(Supplier<T> call) throws InterruptedException {
        if (!Thread.currentThread().isVirtual()) {
            return call.get();
        }
        try {
            return pool.submit(call::get).get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }
}
