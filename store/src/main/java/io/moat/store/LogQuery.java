// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message-log search; every null field matches all. Sender and recipient match
 * case-insensitively, with {@code *} as a wildcard ({@code *@example.org}).
 */
public record LogQuery(
        @Nullable String sender,
        @Nullable String recipient,
        @Nullable String messageId,
        @Nullable String queueId,
        @Nullable Classification classification,
        @Nullable Destination destination,
        @Nullable Instant since,
        @Nullable Instant until,
        int limit) {

    public LogQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    public static LogQuery all(int limit) {
        return new LogQuery(null, null, null, null, null, null, null, null, limit);
    }
}
