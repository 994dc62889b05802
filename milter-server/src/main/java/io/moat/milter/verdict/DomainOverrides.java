// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.Optional;

/**
 * What a domain's (or a mailbox's) policy changes of the policy below it: whether mail may reach
 * it unscanned when the antivirus cannot answer, and banned file types added to the list below or
 * replacing it.
 *
 * @param antivirusFailOpen empty: as below
 * @param banned types and extensions to add (or, with {@code replaceBanned}, the whole list); empty: none
 * @param replaceBanned whether {@code banned} replaces the list below instead of adding to it
 */
public record DomainOverrides(Optional<Boolean> antivirusFailOpen, Optional<BannedTypes> banned, boolean replaceBanned) {
    public static final DomainOverrides NONE = new DomainOverrides(Optional.empty(), Optional.empty(), false);

    public boolean isEmpty() {
        return antivirusFailOpen.isEmpty() && banned.isEmpty() && !replaceBanned;
    }

    /**
     * {@code base} with these changes; {@code global} is the list the content walk applies, which
     * {@code base} uses when it has no list of its own.
     */
    public RecipientPolicy applyTo(RecipientPolicy base, BannedTypes global) {
        RecipientPolicy p = antivirusFailOpen.map(base::withAntivirusFailOpen).orElse(base);
        if (replaceBanned) {
            return p.withBanned(banned.orElse(BannedTypes.NONE));
        }
        if (banned.isPresent()) {
            return p.withBanned(p.banned().orElse(global).plus(banned.get()));
        }
        return p;
    }
}
