// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.filter.DeclaredSizeFilter;
import io.moat.milter.filter.GtubeFilter;
import io.moat.milter.filter.MessageSizeFilter;
import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.session.Negotiator;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a {@link MilterSession} the way the daemon wires one, with a pinned clock, a ticker the
 * test moves by hand and a recorder that keeps every {@link MessageRecord}.
 */
final class EngineFixture {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String TRACE = "X-Moat-Status";
    static final String HOST = "gw.example.net";

    final List<MessageRecord> records = new CopyOnWriteArrayList<>();
    /** What the quarantine received: the recipients of each held copy. */
    final List<HeldMessage> held = new CopyOnWriteArrayList<>();
    private boolean quarantineFails;
    private @org.jspecify.annotations.Nullable PolicySource policies;
    final AtomicLong nanos = new AtomicLong();
    private final Path spool;
    private Negotiator negotiator = Negotiator.defaults();
    private final Map<Classification, Action> actions = new EnumMap<>(Classification.class);
    private final List<Filter> extraFilters = new ArrayList<>();
    private long maxMessageSize = 10_000;
    private int memoryLimit = 64 * 1024;
    private boolean shippedFilters = true;

    EngineFixture(Path spool) {
        this.spool = spool;
    }

    EngineFixture negotiator(Negotiator n) {
        this.negotiator = n;
        return this;
    }

    EngineFixture action(Classification c, Action a) {
        actions.put(c, a);
        return this;
    }

    EngineFixture filter(Filter f) {
        extraFilters.add(f);
        return this;
    }

    EngineFixture withoutShippedFilters() {
        shippedFilters = false;
        return this;
    }

    /** Per-recipient policies instead of one policy built from {@link #action}. */
    EngineFixture policies(PolicySource p) {
        this.policies = p;
        return this;
    }

    /** The quarantine store refuses every write, as a full disk would. */
    EngineFixture quarantineFails() {
        this.quarantineFails = true;
        return this;
    }

    EngineFixture maxMessageSize(long max) {
        this.maxMessageSize = max;
        return this;
    }

    EngineFixture memoryLimit(int limit) {
        this.memoryLimit = limit;
        return this;
    }

    EngineSettings settings() {
        ActionPolicy policy = new ActionPolicy(actions);
        List<Filter> filters = new ArrayList<>();
        if (shippedFilters) {
            filters.add(new DeclaredSizeFilter(maxMessageSize, policy));
            filters.add(new MessageSizeFilter(maxMessageSize));
            filters.add(new GtubeFilter());
        }
        filters.addAll(extraFilters);
        RecipientPolicy everyone = new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(), policy, "");
        PolicySource source = policies != null ? policies : PolicySource.fixed(everyone);
        return new EngineSettings(negotiator, new Pipeline(filters), new Scorer(5.0), source,
                quarantine(), records::add, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get, maxMessageSize, memoryLimit,
                spool, TRACE, HOST);
    }

    private QuarantineSink quarantine() {
        return new QuarantineSink() {
            @Override
            public long hold(HeldMessage message) throws IOException {
                if (quarantineFails) {
                    throw new IOException("disk full");
                }
                held.add(message);
                return held.size();
            }

            @Override
            public boolean isReleased(String token) {
                return false;
            }

            @Override
            public String releaseHeader() {
                return "X-Moat-Release";
            }
        };
    }

    MilterSession session() {
        return new MilterSession("t1", settings());
    }
}
