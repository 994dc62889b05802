// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocated while a piece of code ran (HotSpot's per-thread counter). */
final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    interface Action {
        void run() throws Exception;
    }

    static long bytesAllocatedBy(Action action) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        action.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
