// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's heap as its own GC log tells it ({@code -Xlog:gc:file=...}): for every pause the
 * JVM prints {@code used-before->used-after(committed)}. The largest "after" is the most heap the
 * daemon still held after a collection; with the serial collector's young pauses that includes
 * garbage promoted early while the heap was still small, so the figure after a full collection
 * (the live set) is reported too, and the one after the last pause. The largest "before" is the
 * peak use. Reading the log costs the daemon nothing, unlike sampling it with jcmd.
 */
public record GcLog(int collections, int fullCollections, long maxAfterBytes, long maxAfterFullBytes,
                    long lastAfterBytes, long maxBeforeBytes, long maxCommittedBytes,
                    double totalPauseMillis, double maxPauseMillis) {
    private static final Pattern PAUSE = Pattern.compile(
            "Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([0-9.]+)ms");

    public static GcLog read(Path file) throws IOException {
        int n = 0;
        int full = 0;
        long afterFull = 0;
        long last = 0;
        long after = 0;
        long before = 0;
        long committed = 0;
        double total = 0;
        double max = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                n++;
                before = Math.max(before, bytes(m.group(1), m.group(2)));
                last = bytes(m.group(3), m.group(4));
                after = Math.max(after, last);
                if (line.contains("Pause Full")) {
                    full++;
                    afterFull = Math.max(afterFull, last);
                }
                committed = Math.max(committed, bytes(m.group(5), m.group(6)));
                double ms = Double.parseDouble(m.group(7));
                total += ms;
                max = Math.max(max, ms);
            }
        }
        return new GcLog(n, full, after, afterFull, last, before, committed, total, max);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
