// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * From vs Reply-To and From vs envelope sender (the future Return-Path), compared by
 * organisational domain, approximated as the last two labels (three under a two-letter country
 * code with a generic second level such as co.uk). Low weights: lists and mailing services differ
 * legitimately.
 */
public final class DomainMismatchCheck implements HeaderCheck {
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go");

    @Override
    public List<Finding> check(MessageHeaders h) {
        List<String> from = h.values("From");
        Optional<String> fromDomain = from.isEmpty() ? Optional.empty() : MailboxSyntax.domainOf(from.getFirst());
        if (fromDomain.isEmpty()) {
            return List.of();
        }
        String org = organisational(fromDomain.get());
        List<Finding> out = new ArrayList<>();
        List<String> replyTo = h.values("Reply-To");
        if (!replyTo.isEmpty()) {
            MailboxSyntax.domainOf(replyTo.getFirst()).filter(d -> !organisational(d).equals(org)).ifPresent(d ->
                    out.add(HeaderSymbol.HDR_REPLYTO_DOMAIN_MISMATCH.finding(fromDomain.get() + " vs Reply-To " + d)));
        }
        String envelope = h.envelopeSender().address();
        int at = envelope.lastIndexOf('@');
        if (at > 0 && !organisational(envelope.substring(at + 1)).equals(org)) {
            out.add(HeaderSymbol.HDR_FROM_ENVELOPE_MISMATCH.finding(fromDomain.get() + " vs envelope " + envelope.substring(at + 1)));
        }
        return out;
    }

    static String organisational(String domain) {
        String[] l = domain.toLowerCase(Locale.ROOT).split("\\.");
        int n = l.length;
        if (n >= 3 && l[n - 1].length() == 2 && SECOND_LEVEL.contains(l[n - 2])) {
            return l[n - 3] + "." + l[n - 2] + "." + l[n - 1];
        }
        return n >= 2 ? l[n - 2] + "." + l[n - 1] : domain.toLowerCase(Locale.ROOT);
    }
}
