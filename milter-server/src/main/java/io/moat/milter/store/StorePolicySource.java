// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.DomainOverrides;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.store.Policies;
import io.moat.store.Policy;
import io.moat.store.PolicyKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recipients' policies from the store (mailbox over domain) over the config file's defaults,
 * cached briefly so a change made with {@code moat policy set} takes effect within seconds. When
 * the store cannot be read, the defaults apply and a warning is logged.
 *
 * <p>Mapping: {@code threshold.tag} is the score at which mail is spam for the recipient, handled
 * with {@code action.spam} or, when that is not set, tagged; {@code threshold.quarantine} and
 * {@code threshold.reject} make spam handling stricter above them; {@code antivirus.fail-open}
 * lets mail through unscanned when clamd cannot answer (only when every recipient has it);
 * {@code banned.types} adds file types to the banned list below, or replaces it with
 * {@code banned.replace}. What the store does not set comes from the config file's policy for the
 * recipient (its domain's settings there, else the global defaults).
 */
public final class StorePolicySource implements PolicySource {
    private static final Logger LOG = LoggerFactory.getLogger(StorePolicySource.class);
    private final Policies policies;
    private final PolicySource configured;
    private final RecipientPolicy defaults;
    private final BannedTypes globalBanned;
    private final LoadingCache<String, RecipientPolicy> cache;

    public StorePolicySource(Policies policies, RecipientPolicy defaults, Duration ttl) {
        this(policies, PolicySource.fixed(defaults), BannedTypes.DEFAULTS, ttl);
    }

    /**
     * @param configured the config file's policies, under the store's
     * @param globalBanned the banned list the content walk applies, which {@code banned.types} adds to
     */
    public StorePolicySource(Policies policies, PolicySource configured, BannedTypes globalBanned, Duration ttl) {
        this.policies = policies;
        this.configured = configured;
        this.defaults = configured.forRecipient("");
        this.globalBanned = globalBanned;
        this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build(this::load);
    }

    @Override
    public RecipientPolicy forRecipient(String recipient) {
        if (recipient.isEmpty()) {
            return defaults;
        }
        return cache.get(recipient.toLowerCase(Locale.ROOT));
    }

    private RecipientPolicy load(String recipient) {
        RecipientPolicy base = configured.forRecipient(recipient);
        Policy p;
        try {
            p = policies.effective(recipient);
        } catch (RuntimeException e) {
            LOG.warn("policy for {} unreadable, using defaults: {}", recipient, e.toString());
            return base;
        }
        if (p.values().isEmpty()) {
            return base;
        }
        return overrides(recipient, p).applyTo(scored(p, base), globalBanned);
    }

    private RecipientPolicy scored(Policy p, RecipientPolicy base) {
        Map<Classification, Action> actions = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            actions.put(c, base.actions().actionFor(c));
        }
        put(p, PolicyKey.ACTION_VIRUS, Classification.VIRUS, actions);
        put(p, PolicyKey.ACTION_BANNED, Classification.BANNED, actions);
        put(p, PolicyKey.ACTION_BAD_HEADER, Classification.BAD_HEADER, actions);
        put(p, PolicyKey.ACTION_OVERSIZED, Classification.OVERSIZED, actions);
        OptionalDouble tag = p.score(PolicyKey.TAG_SCORE);
        if (p.action(PolicyKey.ACTION_SPAM).isPresent()) {
            put(p, PolicyKey.ACTION_SPAM, Classification.SPAM, actions);
        } else if (tag.isPresent()) {
            actions.put(Classification.SPAM, Action.TAG);
        }
        return new RecipientPolicy(tag.orElse(base.spamThreshold()),
                or(p.score(PolicyKey.QUARANTINE_SCORE), base.quarantineThreshold()),
                or(p.score(PolicyKey.REJECT_SCORE), base.rejectThreshold()),
                new ActionPolicy(actions), p.get(PolicyKey.SUBJECT_TAG).orElse(base.subjectTag()),
                base.banned(), base.antivirusFailOpen());
    }

    /** The store's antivirus and banned-types settings; a list the daemon cannot read is left out, loudly. */
    private static DomainOverrides overrides(String recipient, Policy p) {
        Optional<BannedTypes> banned = Optional.empty();
        if (p.get(PolicyKey.BANNED_TYPES).isPresent()) {
            try {
                banned = Optional.of(BannedTypes.parseMixed(p.list(PolicyKey.BANNED_TYPES)));
            } catch (IllegalArgumentException e) {
                LOG.warn("policy for {}: banned.types ignored: {}", recipient, e.getMessage());
            }
        }
        return new DomainOverrides(p.bool(PolicyKey.ANTIVIRUS_FAIL_OPEN), banned,
                p.bool(PolicyKey.BANNED_REPLACE).orElse(false));
    }

    private static void put(Policy p, PolicyKey key, Classification c, Map<Classification, Action> actions) {
        p.action(key).ifPresent(a -> actions.put(c, Action.fromLabel(a.label())));
    }

    private static OptionalDouble or(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() ? a : b;
    }
}
