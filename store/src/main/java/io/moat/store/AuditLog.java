// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The admin audit trail: the store writes an entry with every change it makes through
 * {@link Domains}, {@link Mailboxes}, {@link Policies}, {@link Users} and the quarantine's
 * release and delete, in the same transaction as the change. Kept a year by default.
 */
public interface AuditLog {
    /** Newest first. */
    List<AuditEntry> list(AuditQuery query);

    /** Records something done outside the store (e.g. a purge run); same rules: no passwords. */
    void record(Actor actor, String action, String target, @Nullable String oldValue, @Nullable String newValue);

    int purge(Instant cutoff);
}
