// SPDX-License-Identifier: Apache-2.0
package io.moat.store.sqlite;

import io.moat.store.Classification;
import io.moat.store.QuarantineEntry;
import io.moat.store.QuarantineReceipt;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A stand-in for the daemon's end of message, run in its own JVM by {@link KilledWriterTest}:
 * writes quarantine entries {@code Q0, Q1, ...} one after another and prints {@code COMMITTED
 * queueId id} after each put returns (where the daemon would answer Postfix), until killed.
 */
public final class QuarantineWriterProcess {
    private QuarantineWriterProcess() {
    }

    public static QuarantineEntry entry(int n) {
        byte[] content = ("Subject: message " + n + "\r\n\r\n" + "x".repeat(5_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return new QuarantineEntry("Q" + n, "a@example.net", List.of("ann@example.org"), "192.0.2.1",
                Instant.parse("2026-03-01T10:00:00Z"), Classification.SPAM, 10, List.of("BAYES_99"), "spam", null,
                "message " + n, content);
    }

    public static void main(String[] args) {
        try (Store store = Store.open(StoreConfig.of(args[0]), Clock.systemUTC())) {
            for (int n = 0; ; n++) {
                QuarantineReceipt r = store.quarantine().put(entry(n));
                System.out.println("COMMITTED Q" + n + " " + r.id());
                System.out.flush();
            }
        }
    }
}
