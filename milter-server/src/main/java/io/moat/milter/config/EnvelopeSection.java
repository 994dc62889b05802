// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import io.moat.milter.filter.envelope.DomainPolicy;
import io.moat.milter.filter.envelope.EnvelopePolicy;
import io.moat.milter.filter.envelope.SenderLists;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.DomainOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code envelope:} section (envelope policy) into an {@link EnvelopePolicy}. */
final class EnvelopeSection {
    private EnvelopeSection() {
    }

    static EnvelopePolicy read(ConfigNode p) throws ConfigException {
        p.allowOnly("recipient-delimiter", "sender-allow-weight", "sender-allow", "sender-block", "domains", "mailboxes");
        Map<String, DomainPolicy> domains = new HashMap<>();
        ConfigNode d = p.child("domains");
        d.allowOnly(d.fieldNames().toArray(String[]::new));
        for (String name : d.fieldNames()) {
            domains.put(name, domain(name, d.child(name)));
        }
        Map<String, SenderLists> mailboxes = new HashMap<>();
        ConfigNode m = p.child("mailboxes");
        m.allowOnly(m.fieldNames().toArray(String[]::new));
        for (String address : m.fieldNames()) {
            ConfigNode box = m.child(address);
            box.allowOnly("sender-allow", "sender-block");
            mailboxes.put(address, senders(box));
        }
        double weight = p.number("sender-allow-weight", EnvelopePolicy.NONE.allowWeight());
        if (weight > 0) {
            throw p.error("sender-allow-weight", "must be zero or negative");
        }
        try {
            return new EnvelopePolicy(domains, mailboxes, senders(p), p.string("recipient-delimiter", ""), weight);
        } catch (IllegalArgumentException e) {
            throw p.error("mailboxes", e.getMessage());
        }
    }

    private static DomainPolicy domain(String name, ConfigNode n) throws ConfigException {
        n.allowOnly("mailboxes", "mailboxes-file", "pass-through", "sender-allow", "sender-block", "antivirus-fail-open",
                "banned-types", "banned-extensions", "banned-replace");
        Optional<Set<String>> boxes = Optional.empty();
        if (n.has("mailboxes") || n.has("mailboxes-file")) {
            Set<String> all = new HashSet<>(n.strings("mailboxes", List.of()));
            if (n.has("mailboxes-file")) {
                all.addAll(file(n, n.string("mailboxes-file", "")));
            }
            boxes = Optional.of(all);
        }
        try {
            return new DomainPolicy(name, boxes, n.bool("pass-through", false), senders(n), overrides(n));
        } catch (IllegalArgumentException e) {
            throw n.error("mailboxes", e.getMessage());
        }
    }

    /** A domain's antivirus fail-open and banned types, over the global ones. */
    private static DomainOverrides overrides(ConfigNode n) throws ConfigException {
        Optional<Boolean> failOpen = n.has("antivirus-fail-open")
                ? Optional.of(n.bool("antivirus-fail-open", false)) : Optional.empty();
        Optional<BannedTypes> banned = Optional.empty();
        if (n.has("banned-types") || n.has("banned-extensions")) {
            try {
                banned = Optional.of(new BannedTypes(Set.copyOf(n.strings("banned-types", List.of())),
                        Set.copyOf(n.strings("banned-extensions", List.of()))));
            } catch (IllegalArgumentException e) {
                throw n.error(n.has("banned-types") ? "banned-types" : "banned-extensions", e.getMessage());
            }
        }
        return new DomainOverrides(failOpen, banned, n.bool("banned-replace", false));
    }

    /** One mailbox (local part or address) per line; blank lines and # comments ignored. */
    private static List<String> file(ConfigNode n, String path) throws ConfigException {
        try {
            return Files.readAllLines(Path.of(path)).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw n.error("mailboxes-file", "cannot read " + path + ": " + e.getMessage());
        }
    }

    private static SenderLists senders(ConfigNode n) throws ConfigException {
        return new SenderLists(Set.copyOf(n.strings("sender-allow", List.of())), Set.copyOf(n.strings("sender-block", List.of())));
    }
}
