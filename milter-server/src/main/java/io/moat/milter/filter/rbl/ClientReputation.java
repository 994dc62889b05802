// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.moat.milter.pipeline.FilterContext;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The list checks of every open session, keyed by connection id in a bounded Caffeine cache
 * (entries expire after 30 idle minutes). Client lookups start at CONNECT without waiting; MAIL
 * and RCPT collect them. An entry evicted early or never started (no CONNECT stage) is simply
 * started again when needed: the DNS answers come from the answer cache then.
 */
public final class ClientReputation {
    static final Duration IDLE = Duration.ofMinutes(30);

    private final IpBlocklist ipLists;
    private final DomainBlocklist domainLists;
    private final Cache<String, ConnectionChecks> sessions;

    public ClientReputation(IpBlocklist ipLists, DomainBlocklist domainLists, long maxSessions, Ticker ticker) {
        this.ipLists = ipLists;
        this.domainLists = domainLists;
        this.sessions = Caffeine.newBuilder().maximumSize(maxSessions).expireAfterAccess(IDLE).ticker(ticker).build();
    }

    public DomainBlocklist domainLists() {
        return domainLists;
    }

    /** Starts the client lookups for this session if not started yet; never waits for them. */
    void start(FilterContext ctx) {
        checks(ctx);
    }

    /** The client's answers, waiting at most until the deadline set when they started. */
    List<ZoneAnswer> clientAnswers(FilterContext ctx) {
        return checks(ctx).client().await();
    }

    ConnectionChecks checks(FilterContext ctx) {
        String address = ctx.client().address();
        ConnectionChecks c = sessions.getIfPresent(ctx.connectionId());
        if (c == null || !c.address().equals(address)) {
            // New session, or the MTA reused the milter connection for another SMTP client.
            Optional<InetAddress> ip = ClientAddress.of(ctx.client());
            c = new ConnectionChecks(address, ip.isPresent() && !ipLists.isEmpty() ? ipLists.start(ip.get()) : PendingLookups.NONE);
            sessions.put(ctx.connectionId(), c);
        }
        return c;
    }
}
