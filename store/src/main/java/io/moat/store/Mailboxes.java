// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Mailboxes of the protected domains. Changes are audited. */
public interface Mailboxes {
    Optional<Mailbox> find(String address);

    /** Mailboxes of one domain (all when null), by address, at most {@code limit}. */
    List<Mailbox> list(@Nullable String domain, int limit);

    long count(@Nullable String domain);

    /**
     * Adds or updates a mailbox.
     *
     * @throws StoreException when its domain is not a protected domain
     */
    void put(Mailbox mailbox, Actor actor);

    boolean delete(String address, Actor actor);

    /**
     * Adds or updates all mailboxes in one transaction (batched): either all are written or, on
     * any failure, none. Their domains must exist. One audit entry records the import.
     *
     * @param source names the import in the audit trail, e.g. the CSV file name
     * @return the number of mailboxes written
     */
    long importAll(Iterable<Mailbox> mailboxes, String source, Actor actor, ImportProgress progress);
}
