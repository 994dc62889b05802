// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Robinson's per-token probability with Fisher's chi-square combining, the method SpamBayes
 * made standard. Each token's probability f(w) = (s*x + n*p(w)) / (s + n), where p(w) compares
 * the token's frequency in spam and ham, n is how many messages had it, x the prior for an
 * unknown token and s the prior's strength. The {@code maxClues} tokens furthest from 0.5 (at
 * least {@code minStrength} away) are combined into H (ham evidence, from the product of f) and S
 * (spam evidence, from the product of 1 - f) by the chi-square test, and the result is
 * (1 + S - H) / 2.
 *
 * @param prior x, the probability of a token never seen
 * @param priorStrength s
 * @param minStrength tokens with |f - 0.5| below this are ignored
 * @param maxClues at most this many tokens are combined
 * @param minLearned judge only when at least this many spam and this many ham were learned
 */
public record ChiSquareClassifier(double prior, double priorStrength, double minStrength, int maxClues, int minLearned) {
    /** Settings that work well on real mail. */
    public static final ChiSquareClassifier DEFAULT = new ChiSquareClassifier(0.5, 0.45, 0.1, 150, 20);

    public BayesVerdict classify(Collection<String> tokens, TokenStore store) {
        return classify(() -> tokens, store);
    }

    /** Like {@link #classify(Collection, TokenStore)}, but tokenises only when the store can judge. */
    public BayesVerdict classify(Supplier<? extends Collection<String>> tokens, TokenStore store) {
        TokenCounts totals = store.totals();
        if (totals.spam() < minLearned || totals.ham() < minLearned) {
            return new BayesVerdict.Untrained(totals, minLearned);
        }
        Map<String, TokenCounts> counts = store.counts(tokens.get());
        List<Clue> clues = new ArrayList<>(counts.size());
        for (Map.Entry<String, TokenCounts> e : counts.entrySet()) {
            Clue clue = clue(e.getKey(), e.getValue(), totals);
            if (clue.strength() >= minStrength) {
                clues.add(clue);
            }
        }
        clues.sort(Comparator.comparingDouble(Clue::strength).reversed().thenComparing(Clue::token));
        List<Clue> used = clues.subList(0, Math.min(maxClues, clues.size()));
        return new BayesVerdict.Scored(combine(used), used);
    }

    private Clue clue(String token, TokenCounts c, TokenCounts totals) {
        double spamRatio = Math.min(1.0, (double) c.spam() / totals.spam());
        double hamRatio = Math.min(1.0, (double) c.ham() / totals.ham());
        double p = spamRatio / (spamRatio + hamRatio);
        double n = c.spam() + c.ham();
        double f = (priorStrength * prior + n * p) / (priorStrength + n);
        return new Clue(token, f, c.spam(), c.ham());
    }

    static double combine(List<Clue> clues) {
        if (clues.isEmpty()) {
            return 0.5;
        }
        double lnProductF = 0;
        double lnProductNotF = 0;
        for (Clue c : clues) {
            double f = Math.min(0.9999, Math.max(0.0001, c.probability()));
            lnProductF += Math.log(f);
            lnProductNotF += Math.log(1.0 - f);
        }
        int dof = 2 * clues.size();
        double hamEvidence = 1.0 - chiSquareQ(-2.0 * lnProductF, dof);
        double spamEvidence = 1.0 - chiSquareQ(-2.0 * lnProductNotF, dof);
        return (1.0 + spamEvidence - hamEvidence) / 2.0;
    }

    /** P(chi-square with {@code dof} (even) degrees of freedom >= x2). */
    static double chiSquareQ(double x2, int dof) {
        double m = x2 / 2.0;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < dof / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }
}
