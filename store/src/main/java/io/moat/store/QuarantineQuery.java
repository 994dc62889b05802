// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A quarantine listing filter; every null field matches all. Addresses match case-insensitively;
 * {@code *} in an address is a wildcard.
 */
public record QuarantineQuery(
        @Nullable String recipient,
        @Nullable String sender,
        @Nullable Classification classification,
        @Nullable Instant since,
        @Nullable Instant until,
        boolean includeReleased,
        int limit) {

    public QuarantineQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** Everything not yet released, newest first, at most {@code limit}. */
    public static QuarantineQuery all(int limit) {
        return new QuarantineQuery(null, null, null, null, null, false, limit);
    }
}
