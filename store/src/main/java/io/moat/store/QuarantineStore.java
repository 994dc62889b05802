// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Quarantined messages. A {@link #put} is committed durably before it returns, so the daemon may
 * answer Postfix only after it; a put that throws {@link StoreException} means tempfail.
 */
public interface QuarantineStore {

    /**
     * Stores a message, or finds it already stored under the same {@link
     * QuarantineEntry#messageKey()} (a retried delivery): either way it is committed on return.
     */
    QuarantineReceipt put(QuarantineEntry entry);

    Optional<QuarantinedMessage> find(long id);

    /** The raw message as received. */
    Optional<byte[]> content(long id);

    /** Newest first. */
    List<QuarantinedMessage> list(QuarantineQuery query);

    /**
     * The token a release puts into the re-injected copy's {@link ReleaseToken#HEADER} header.
     * Only the release path reads it; the CLI never shows it.
     */
    Optional<ReleaseToken> releaseToken(long id);

    /**
     * Marks the message released to the given recipients (all its recipients when empty) by
     * {@code actor}, audited.
     *
     * @throws StoreException when the id is unknown or a recipient is not one of the message's
     */
    void markReleased(long id, List<String> recipients, Actor actor);

    /**
     * True when {@code headerValue} is the {@link ReleaseToken#HEADER} value of a quarantined
     * message, i.e. the copy comes from a release: the daemon then delivers it without scanning it
     * into the quarantine again.
     */
    boolean isReleased(String headerValue);

    /** Deletes the message; false when the id was unknown. */
    boolean delete(long id, Actor actor);

    /**
     * Deletes quarantined copies older than their recipient domain's retention (the domain's
     * {@code quarantine_retention_days}, else {@code defaultDays}), and messages left with no
     * recipient. Returns the number of messages deleted.
     */
    int purge(Instant now, int defaultDays);
}
