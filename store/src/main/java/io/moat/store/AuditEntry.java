// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One administrative change.
 *
 * @param action what was done, e.g. {@code domain.put}, {@code quarantine.release}
 * @param target what it was done to, e.g. the domain name or quarantine id
 * @param oldValue the value before, if any (never a password)
 * @param newValue the value after, if any (never a password)
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String host,
        String action,
        String target,
        @Nullable String oldValue,
        @Nullable String newValue) {
}
