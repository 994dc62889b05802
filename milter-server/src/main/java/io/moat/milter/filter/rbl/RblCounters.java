// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How each list answered the queries actually sent (cache hits are not counted): the numbers an
 * admin watches to see a list blocking the resolver or a resolver failing, for the metrics.
 */
public final class RblCounters {
    /** The kind of an answer. */
    public enum Outcome {
        LISTED, NOT_LISTED, BLOCKED, UNAVAILABLE;

        static Outcome of(RblAnswer a) {
            return switch (a) {
                case RblAnswer.Listed l -> LISTED;
                case RblAnswer.NotListed n -> NOT_LISTED;
                case RblAnswer.ResolverBlocked b -> BLOCKED;
                case RblAnswer.Unavailable u -> UNAVAILABLE;
            };
        }
    }

    private final ConcurrentMap<String, LongAdder[]> byZone = new ConcurrentHashMap<>();

    void count(RblZone zone, RblAnswer answer) {
        byZone.computeIfAbsent(zone.name(), k -> newAdders())[Outcome.of(answer).ordinal()].increment();
    }

    public long get(String zoneName, Outcome outcome) {
        LongAdder[] a = byZone.get(zoneName);
        return a == null ? 0 : a[outcome.ordinal()].sum();
    }

    /** Every list's counts, by list name. */
    public Map<String, Map<Outcome, Long>> snapshot() {
        Map<String, Map<Outcome, Long>> out = new TreeMap<>();
        byZone.forEach((zone, adders) -> {
            Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                m.put(o, adders[o.ordinal()].sum());
            }
            out.put(zone, m);
        });
        return out;
    }

    private static LongAdder[] newAdders() {
        LongAdder[] a = new LongAdder[Outcome.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }
}
