// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.store.Policies;
import io.moat.store.Policy;
import io.moat.store.PolicyKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
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
 * {@code threshold.reject} make spam handling stricter above them.
 */
public final class StorePolicySource implements PolicySource {
    private static final Logger LOG = LoggerFactory.getLogger(StorePolicySource.class);
    private final Policies policies;
    private final RecipientPolicy defaults;
    private final LoadingCache<String, RecipientPolicy> cache;

    public StorePolicySource(Policies policies, RecipientPolicy defaults, Duration ttl) {
        this.policies = policies;
        this.defaults = defaults;
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
        Policy p;
        try {
            p = policies.effective(recipient);
        } catch (RuntimeException e) {
            LOG.warn("policy for {} unreadable, using defaults: {}", recipient, e.toString());
            return defaults;
        }
        if (p.values().isEmpty()) {
            return defaults;
        }
        Map<Classification, Action> actions = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            actions.put(c, defaults.actions().actionFor(c));
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
        return new RecipientPolicy(tag.orElse(defaults.spamThreshold()),
                or(p.score(PolicyKey.QUARANTINE_SCORE), defaults.quarantineThreshold()),
                or(p.score(PolicyKey.REJECT_SCORE), defaults.rejectThreshold()),
                new ActionPolicy(actions), p.get(PolicyKey.SUBJECT_TAG).orElse(defaults.subjectTag()));
    }

    private static void put(Policy p, PolicyKey key, Classification c, Map<Classification, Action> actions) {
        p.action(key).ifPresent(a -> actions.put(c, Action.fromLabel(a.label())));
    }

    private static OptionalDouble or(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() ? a : b;
    }
}
