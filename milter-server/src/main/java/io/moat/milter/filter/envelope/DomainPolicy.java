// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import io.moat.milter.verdict.DomainOverrides;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy of one protected domain: its mailboxes (local parts; empty means recipients are
 * not verified), whether it is pass-through, its sender lists, and what it changes of the global
 * content policy (antivirus fail-open, banned file types).
 */
public record DomainPolicy(String domain, Optional<Set<String>> mailboxes, boolean passThrough, SenderLists senders,
        DomainOverrides overrides) {
    public DomainPolicy(String domain, Optional<Set<String>> mailboxes, boolean passThrough, SenderLists senders) {
        this(domain, mailboxes, passThrough, senders, DomainOverrides.NONE);
    }

    public DomainPolicy {
        domain = domain.strip().toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || domain.contains("@")) {
            throw new IllegalArgumentException("not a domain: \"" + domain + "\"");
        }
        String suffix = "@" + domain;
        mailboxes = mailboxes.map(m -> m.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .map(s -> s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s)
                .collect(Collectors.toUnmodifiableSet()));
        for (String local : mailboxes.orElse(Set.of())) {
            if (local.isEmpty() || local.contains("@")) {
                throw new IllegalArgumentException("mailbox \"" + local + "\" is not a local part of " + domain);
            }
        }
    }
}
