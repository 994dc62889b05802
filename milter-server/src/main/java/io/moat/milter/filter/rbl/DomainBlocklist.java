// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The domain lists (URI blocklists): sender domains at MAIL, and URL hosts for the content
 * filters, which call {@link #lookupAll(Set)} or {@link #findings(Set)} with the hosts they found.
 */
public final class DomainBlocklist {
    /** Domains asked about per call at most. */
    public static final int MAX_DOMAINS = 100;

    private final DnsBlocklistClient client;
    private final List<RblZone> zones;

    public DomainBlocklist(DnsBlocklistClient client, List<RblZone> zones) {
        this.client = client;
        this.zones = zones.stream().filter(z -> z.kind() == RblZone.Kind.DOMAIN).toList();
    }

    public boolean isEmpty() {
        return zones.isEmpty();
    }

    /**
     * Starts one lookup per list and usable domain; names that cannot be queried are left out, and
     * only the first {@link #MAX_DOMAINS} domains (in sorted order) are asked, so a message listing
     * thousands of hosts cannot turn into thousands of queries.
     */
    public PendingLookups start(Set<String> domains) {
        PendingLookups.Builder b = new PendingLookups.Builder(client);
        for (String d : domains.stream().sorted().limit(MAX_DOMAINS).toList()) {
            for (RblZone z : zones) {
                Optional<String> q = QueryName.forDomain(d, z.zone());
                q.ifPresent(name -> b.add(z, d, name));
            }
        }
        return b.start();
    }

    /** Every list's answer for every domain, within the deadline. */
    public List<ZoneAnswer> lookupAll(Set<String> domains) {
        return start(domains).await();
    }

    /**
     * The findings for a set of URL hosts: each symbol once (a message linking to ten listed
     * domains scores the list once), the detail naming the first domain.
     */
    public List<Finding> findings(Set<String> domains) {
        return merge(lookupAll(domains), "");
    }

    /** Findings of many answers, one per symbol. */
    static List<Finding> merge(List<ZoneAnswer> answers, String suffix) {
        Map<String, Finding> bySymbol = new LinkedHashMap<>();
        for (ZoneAnswer a : answers) {
            for (Finding f : a.findings(suffix)) {
                bySymbol.putIfAbsent(f.symbol(), f);
            }
        }
        return new ArrayList<>(bySymbol.values());
    }
}
