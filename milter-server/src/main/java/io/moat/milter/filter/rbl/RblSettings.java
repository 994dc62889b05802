// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code rbl:} section: the resolver to ask (production runs a local caching resolver), the
 * one deadline a fan-out of lookups must meet, how long answers without a usable TTL are cached,
 * the cap on any TTL, the cache size, and the lists.
 */
public record RblSettings(InetSocketAddress resolver, Duration timeout, Duration negativeTtl, Duration maxTtl,
        long cacheSize, List<RblZone> zones) {
    public static final InetSocketAddress DEFAULT_RESOLVER = new InetSocketAddress("127.0.0.1", 53);
    public static final RblSettings NONE = new RblSettings(DEFAULT_RESOLVER, Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofHours(1), 100_000, List.of());

    public RblSettings {
        zones = List.copyOf(zones);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("rbl.timeout must be positive");
        }
        if (negativeTtl.isNegative() || maxTtl.isNegative()) {
            throw new IllegalArgumentException("rbl TTLs must not be negative");
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("rbl.cache-size must not be negative");
        }
        Set<String> names = new HashSet<>();
        for (RblZone z : zones) {
            if (!names.add(z.name())) {
                throw new IllegalArgumentException("two rbl zones are named " + z.name());
            }
        }
    }

    public List<RblZone> zones(RblZone.Kind kind) {
        return zones.stream().filter(z -> z.kind() == kind).toList();
    }
}
