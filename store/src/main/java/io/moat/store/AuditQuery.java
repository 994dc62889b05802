// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An audit-trail filter; null fields match all. {@code action} matches as a prefix. */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target,
        @Nullable Instant since, @Nullable Instant until, int limit) {
    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }
}
