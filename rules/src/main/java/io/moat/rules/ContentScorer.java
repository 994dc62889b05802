// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import io.moat.rules.bayes.BayesVerdict;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.bayes.Clue;
import io.moat.rules.bayes.TokenStore;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.checks.DateSkew;
import io.moat.rules.lang.RuleSet;
import io.moat.rules.message.Message;
import io.moat.rules.message.MessageParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Scores message content: rules plus the statistical filter, no network. Immutable and
 * thread-safe; to reload rules, build a new scorer and swap it in.
 */
public final class ContentScorer {
    /** The score at or above which a message is spam unless the rules say otherwise. */
    public static final double DEFAULT_THRESHOLD = 5.0;
    private static final int CLUES_SHOWN = 8;

    private final RuleSet rules;
    private final RuleEvaluator evaluator;
    private final TokenStore store;
    private final Tokenizer tokenizer;
    private final ChiSquareClassifier classifier;
    private final double threshold;

    public ContentScorer(RuleSet rules, TokenStore store, Tokenizer tokenizer, ChiSquareClassifier classifier) {
        this.rules = rules;
        this.evaluator = new RuleEvaluator(rules);
        this.store = store;
        this.tokenizer = tokenizer;
        this.classifier = classifier;
        this.threshold = rules.requiredScore().orElse(DEFAULT_THRESHOLD);
    }

    /** Scores a stored message (a file, a corpus): its receipt is its newest Received stamp. */
    public ContentReport score(byte[] raw) {
        return score(MessageParser.parse(raw));
    }

    /** Scores a message being received now, at {@code receivedAt} (the milter at end of message). */
    public ContentReport score(byte[] raw, Instant receivedAt) {
        Message message = MessageParser.parse(raw);
        return score(message, DateSkew.check(message.headers(), receivedAt));
    }

    public ContentReport score(Message message) {
        return score(message, DateSkew.check(message.headers()));
    }

    private ContentReport score(Message message, Optional<String> dateSkew) {
        BayesVerdict bayes = classifier.classify(() -> tokenizer.tokens(message), store);
        Map<String, Integer> preset = new HashMap<>(4);
        if (bayes instanceof BayesVerdict.Scored s) {
            preset.put(BayesBuckets.symbol(s.probability()), 1);
        }
        dateSkew.ifPresent(symbol -> preset.put(symbol, 1));
        List<Finding> findings = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Integer> hit : evaluator.hits(message, preset).entrySet()) {
            String symbol = hit.getKey();
            double weight = rules.weight(symbol) * hit.getValue();
            if (symbol.startsWith("__")) {
                continue;
            }
            total += weight;
            String detail = symbol.startsWith("BAYES_") && preset.containsKey(symbol) ? explain(bayes) : hit.getValue() > 1 ? hit.getValue() + " hits" : "";
            findings.add(new Finding(symbol, weight, rules.description(symbol), detail));
        }
        findings.sort(Comparator.comparingDouble((Finding f) -> -Math.abs(f.weight())).thenComparing(Finding::symbol));
        return new ContentReport(findings, Math.round(total * 1000) / 1000.0, threshold, bayes);
    }

    private static String explain(BayesVerdict bayes) {
        if (!(bayes instanceof BayesVerdict.Scored s)) {
            return "";
        }
        String tokens = s.clues().stream().limit(CLUES_SHOWN).map(ContentScorer::clue).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "p=%.4f; %s", s.probability(), tokens);
    }

    private static String clue(Clue c) {
        return String.format(Locale.ROOT, "'%s' %.2f (%d spam/%d ham)", c.token(), c.probability(), c.spam(), c.ham());
    }

    public RuleSet rules() {
        return rules;
    }

    public double threshold() {
        return threshold;
    }
}
