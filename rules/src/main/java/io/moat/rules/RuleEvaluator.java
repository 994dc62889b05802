// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import io.moat.rules.lang.HeaderSelector;
import io.moat.rules.lang.Rule;
import io.moat.rules.lang.RuleSet;
import io.moat.rules.message.Message;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Runs a compiled {@link RuleSet} over a message. Each text is lower-cased at most once (for
 * the literal prefilter) and scanned once for all rules' literals ({@link LiteralIndex}), and
 * each header value read once. A rule whose regex blows the stack on
 * hostile input counts as not hit. Stateless: one instance serves all threads.
 */
public final class RuleEvaluator {
    private final RuleSet rules;
    private final boolean shortcuts;
    private final LiteralIndex literals;

    public RuleEvaluator(RuleSet rules) {
        this(rules, true);
    }

    /**
     * @param shortcuts false to run every regex over its whole text, skipping no rule: slower,
     *     with the same hits (tests compare the two)
     */
    RuleEvaluator(RuleSet rules, boolean shortcuts) {
        this.rules = rules;
        this.shortcuts = shortcuts;
        this.literals = new LiteralIndex(rules.rules());
    }

    /** The rules that hit and how often, starting from {@code preset} symbols (for metas to read). */
    public Map<String, Integer> hits(Message message, Map<String, Integer> preset) {
        Texts texts = new Texts(message);
        Map<String, Integer> hits = new LinkedHashMap<>(preset);
        List<Rule> all = rules.rules();
        for (int i = 0; i < all.size(); i++) {
            Rule rule = all.get(i);
            int n;
            try {
                n = count(rule, i, message, texts, hits);
            } catch (StackOverflowError | RuntimeException e) {
                n = 0;
            }
            if (n > 0) {
                hits.put(rule.name(), n);
            }
        }
        return hits;
    }

    private int count(Rule rule, int i, Message m, Texts texts, Map<String, Integer> hits) {
        return switch (rule) {
            case Rule.Exists e -> m.headers().has(e.field()) ? 1 : 0;
            case Rule.HeaderTest h -> {
                String v = texts.header(h.selector());
                String value = v == null ? h.ifUnset() : v;
                boolean found = mayMatch(h, texts, v) && h.pattern().matcher(value).find();
                yield found != h.negated() ? 1 : 0;
            }
            case Rule.TextTest t -> text(t, i, m, texts);
            case Rule.Meta meta -> meta.expression().value(s -> hits.getOrDefault(s, 0)) != 0 ? 1 : 0;
        };
    }

    private int text(Rule.TextTest t, int i, Message m, Texts texts) {
        int max = rules.maxHits(t.name());
        if (t.target() == Rule.Target.URI) {
            int n = 0;
            for (String uri : m.uris()) {
                if (t.pattern().matcher(uri).find() && ++n >= max) {
                    break;
                }
            }
            return n;
        }
        String searched = texts.text(t.target(), t.literalsIgnoreCase());
        boolean indexed = shortcuts && !(t.literals().isEmpty() && t.leading().isEmpty());
        int[] first = indexed ? texts.firstOccurrences(t, literals) : new int[0];
        if (shortcuts && !t.literals().isEmpty() && !literals.anyRequired(i, first)) {
            return 0;
        }
        String text = texts.text(t.target(), false);
        if (shortcuts && !t.leading().isEmpty() && searched.length() == text.length()) {
            return LeadingMatch.count(t.pattern().matcher(text), searched, t.leading(), literals.leadingStarts(i, first), max);
        }
        if (shortcuts && !t.start().isAny()) {
            return LeadingMatch.count(t.pattern(), text, t.start(), max);
        }
        Matcher matcher = t.pattern().matcher(text);
        int n = 0;
        while (n < max && matcher.find()) {
            n++;
        }
        return n;
    }

    /** False when the value lacks every literal the header pattern needs, so it cannot match. */
    private boolean mayMatch(Rule.HeaderTest h, Texts texts, @Nullable String value) {
        if (!shortcuts || h.literals().isEmpty()) {
            return true;
        }
        String searched = value == null ? h.ifUnset() : value;
        if (h.literalsIgnoreCase()) {
            searched = value == null ? searched.toLowerCase(Locale.ROOT) : texts.lowerHeader(h.selector(), value);
        }
        return containsAny(searched, h.literals());
    }

    private static boolean containsAny(String text, List<String> literals) {
        for (String l : literals) {
            if (text.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The per-message texts, each computed when first needed. */
    private static final class Texts {
        private final Message m;
        private final Map<Object, String> cache = new HashMap<>();
        private final Map<HeaderSelector, String> lowerHeaders = new HashMap<>();
        private final int[][] first = new int[LiteralIndex.keys()][];

        Texts(Message m) {
            this.m = m;
        }

        String text(Rule.Target target, boolean lower) {
            String original = switch (target) {
                case BODY -> m.bodyText();
                case RAWBODY -> m.rawBody();
                case FULL, URI -> m.full();
            };
            return lower ? cache.computeIfAbsent(target, k -> original.toLowerCase(Locale.ROOT)) : original;
        }

        String header(HeaderSelector s) {
            if (cache.containsKey(s)) {
                return cache.get(s);
            }
            String v = HeaderValues.read(m, s);
            cache.put(s, v);
            return v;
        }

        /** Where each literal of the rule's text first occurs, that text scanned once per message. */
        int[] firstOccurrences(Rule.TextTest t, LiteralIndex index) {
            int key = LiteralIndex.key(t);
            if (first[key] == null) {
                first[key] = index.scan(key).firstOccurrences(text(t.target(), t.literalsIgnoreCase()));
            }
            return first[key];
        }

        String lowerHeader(HeaderSelector s, String value) {
            return lowerHeaders.computeIfAbsent(s, k -> value.toLowerCase(Locale.ROOT));
        }
    }
}
