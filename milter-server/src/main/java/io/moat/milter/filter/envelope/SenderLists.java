// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One allow list and one block list of senders. An entry with {@code @} names one address; an
 * entry without (or written {@code @domain} or {@code *@domain}, as the store's lists are) names a
 * domain and all its subdomains. The most specific entry wins (the address,
 * then the domain, then each parent domain); at the same entry, block wins over allow.
 */
public record SenderLists(Set<String> allow, Set<String> block) {
    public static final SenderLists EMPTY = new SenderLists(Set.of(), Set.of());

    public SenderLists {
        allow = normalise(allow);
        block = normalise(block);
    }

    private static Set<String> normalise(Set<String> entries) {
        return entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).map(e -> e.startsWith("*@") ? e.substring(2) : e.startsWith("@") ? e.substring(1) : e)
                .filter(e -> !e.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isEmpty() {
        return allow.isEmpty() && block.isEmpty();
    }

    /** The listing of this sender in these lists; {@code scope} names whose lists they are. */
    public SenderListing match(EnvelopeAddress sender, String scope) {
        if (isEmpty() || sender.domain().isEmpty()) {
            return SenderListing.UNLISTED;
        }
        SenderListing exact = at(sender.address(), scope);
        if (!(exact instanceof SenderListing.Unlisted)) {
            return exact;
        }
        String d = sender.domain();
        while (true) {
            SenderListing l = at(d, scope);
            int dot = d.indexOf('.');
            if (!(l instanceof SenderListing.Unlisted) || dot < 0) {
                return l;
            }
            d = d.substring(dot + 1);
        }
    }

    private SenderListing at(String entry, String scope) {
        if (block.contains(entry)) {
            return new SenderListing.Blocked(entry, scope);
        }
        if (allow.contains(entry)) {
            return new SenderListing.Allowed(entry, scope);
        }
        return SenderListing.UNLISTED;
    }
}
