// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks the configured resolver for A records of list query names, asynchronously (dnsjava's
 * non-blocking {@code sendAsync}), and caches each answer in Caffeine for its DNS TTL: listings,
 * negative answers and refusals alike. Failures are not cached. Concurrent identical queries share
 * one request. The returned futures never fail: a failure is an {@link RblAnswer.Unavailable},
 * never cached.
 */
public final class DnsBlocklistClient {
    private final SimpleResolver resolver;
    private final RblSettings settings;
    private final AsyncCache<String, DnsReply.Timed> cache;
    private final RblCounters counters = new RblCounters();

    public DnsBlocklistClient(RblSettings settings, Ticker ticker) {
        this.settings = settings;
        this.resolver = new SimpleResolver(settings.resolver());
        resolver.setTimeout(settings.timeout());
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfter(Expiry.creating((String k, DnsReply.Timed v) -> v.ttl()))
                .ticker(ticker)
                .buildAsync();
    }

    /** The answer of {@code zone} for the full query name (e.g. {@code 2.0.0.127.zen.example}). */
    public CompletableFuture<RblAnswer> lookup(String queryName, RblZone zone) {
        CompletableFuture<DnsReply.Timed> reply;
        try {
            reply = cache.get(queryName, (name, executor) -> query(name, zone));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.handle((timed, failure) -> failure == null ? timed.answer() : unavailable(failure));
    }

    private CompletableFuture<DnsReply.Timed> query(String name, RblZone zone) {
        Message q;
        try {
            q = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.A, DClass.IN));
        } catch (TextParseException e) {
            return CompletableFuture.failedFuture(e);
        }
        // A failure becomes an answer cached for no time: a failed future would be logged by the cache.
        return resolver.sendAsync(q).toCompletableFuture().handle((m, failure) -> {
            DnsReply.Timed t = failure == null ? DnsReply.interpret(m, zone, settings.negativeTtl(), settings.maxTtl())
                    : new DnsReply.Timed(unavailable(failure), Duration.ZERO);
            counters.count(zone, t.answer());
            return t;
        });
    }

    private RblAnswer unavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return new RblAnswer.Unavailable("no answer from " + settings.resolver() + " within " + settings.timeout());
        }
        return new RblAnswer.Unavailable(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** Whether an answer for this query name is cached and not expired. */
    public boolean isCached(String queryName) {
        return cache.synchronous().getIfPresent(queryName) != null;
    }

    /** How the lists answered the queries sent so far. */
    public RblCounters counters() {
        return counters;
    }

    public Duration timeout() {
        return settings.timeout();
    }
}
