// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time the whole machine spent busy, from the first line of Linux's /proc/stat. Subtracting
 * the daemon's and the generator's own CPU from it shows how much other work shared the cores
 * during a run: on a shared 2-core machine that is the first thing to check before trusting a figure.
 */
public final class HostCpu {
    private static final Path STAT = Path.of("/proc/stat");
    private static final long TICKS_PER_SECOND = 100;

    private HostCpu() {
    }

    /** Busy time (user, nice, system, irq, softirq, steal) since boot; zero where /proc/stat is missing. */
    public static Duration busy() {
        try {
            String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(f[i]);
            }
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
