// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code envelope:} section: protected domains, per-mailbox sender lists, global sender lists,
 * the recipient delimiter(s) and the weight of an allow-listed sender.
 */
public record EnvelopePolicy(Map<String, DomainPolicy> domains, Map<String, SenderLists> mailboxes, SenderLists global,
        String recipientDelimiter, double allowWeight) {
    public static final EnvelopePolicy NONE = new EnvelopePolicy(Map.of(), Map.of(), SenderLists.EMPTY, "", -20);

    public EnvelopePolicy {
        domains = Map.copyOf(domains.values().stream().collect(Collectors.toMap(DomainPolicy::domain, d -> d)));
        mailboxes = Map.copyOf(mailboxes.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().strip().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
        for (String m : mailboxes.keySet()) {
            if (m.indexOf('@') <= 0) {
                throw new IllegalArgumentException("envelope.mailboxes: \"" + m + "\" is not a full address");
            }
        }
        if (!Double.isFinite(allowWeight) || allowWeight > 0) {
            throw new IllegalArgumentException("envelope.sender-allow-weight must be zero or negative");
        }
    }
}
