// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import com.github.benmanes.caffeine.cache.Ticker;
import io.moat.milter.pipeline.Filter;
import java.util.List;

/**
 * The RBL filters wired together from the {@code rbl:} settings: one DNS client and answer cache,
 * one per-connection state, the CONNECT/MAIL/RCPT filters, the domain lists for the content
 * filters' URL checks, and the answer counters for metrics. No lists configured means no filters
 * and no DNS traffic.
 */
public record RblFilters(List<Filter> filters, DomainBlocklist domainLists, RblCounters counters) {
    public RblFilters {
        filters = List.copyOf(filters);
    }

    public static RblFilters of(RblSettings settings, int maxConnections, Ticker ticker, RejectExemption exemption) {
        DnsBlocklistClient client = new DnsBlocklistClient(settings, ticker);
        DomainBlocklist domains = new DomainBlocklist(client, settings.zones());
        if (settings.zones().isEmpty()) {
            return new RblFilters(List.of(), domains, client.counters());
        }
        ClientReputation reputation = new ClientReputation(new IpBlocklist(client, settings.zones()), domains,
                Math.max(1_000L, 4L * maxConnections), ticker);
        return new RblFilters(List.of(new RblConnectFilter(reputation), new RblMailFilter(reputation),
                new RblRecipientFilter(reputation, exemption)), domains, client.counters());
    }
}
