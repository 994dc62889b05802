// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy and speed over a set of outcomes.
 *
 * @param recallAtFalsePositives spam recall reachable when the threshold is moved so that at
 *     most the given fraction of ham (not hard ham) scores at or above it, keyed by that fraction
 */
public record Metrics(
        int spam, int ham, int hardHam, double threshold,
        double spamRecall, double hamFalsePositiveRate, double hardHamFalsePositiveRate,
        int hamFalsePositives, int hardHamFalsePositives, int spamMissed,
        Map<Double, Double> recallAtFalsePositives, double cpuMillisPerMessage) {
    public static final List<Double> FP_LEVELS = List.of(0.0, 0.001, 0.005, 0.01);

    public static Metrics of(List<Outcome> outcomes, double threshold) {
        List<Double> spamScores = new ArrayList<>();
        List<Double> hamScores = new ArrayList<>();
        int hard = 0;
        int hardFp = 0;
        double cpu = 0;
        for (Outcome o : outcomes) {
            cpu += o.cpuMillis();
            switch (o.kind()) {
                case SPAM -> spamScores.add(o.score());
                case HAM -> hamScores.add(o.score());
                case HARD_HAM -> {
                    hard++;
                    hardFp += o.score() >= threshold ? 1 : 0;
                }
            }
        }
        int caught = (int) spamScores.stream().filter(s -> s >= threshold).count();
        int hamFp = (int) hamScores.stream().filter(s -> s >= threshold).count();
        hamScores.sort((a, b) -> Double.compare(b, a));
        Map<Double, Double> atFp = new LinkedHashMap<>();
        for (double level : FP_LEVELS) {
            atFp.put(level, recallAtFalsePositiveRate(spamScores, hamScores, level));
        }
        return new Metrics(spamScores.size(), hamScores.size(), hard, threshold,
                ratio(caught, spamScores.size()), ratio(hamFp, hamScores.size()), ratio(hardFp, hard),
                hamFp, hardFp, spamScores.size() - caught, atFp, outcomes.isEmpty() ? 0 : cpu / outcomes.size());
    }

    /** Spam recall when the threshold sits just above the (k+1)-th highest ham score, k = floor(level * ham). */
    private static double recallAtFalsePositiveRate(List<Double> spam, List<Double> hamDescending, double level) {
        int allowed = (int) Math.floor(level * hamDescending.size() + 1e-9);
        if (spam.isEmpty()) {
            return 0;
        }
        if (allowed >= hamDescending.size()) {
            return 1;
        }
        double bar = hamDescending.get(allowed);
        return ratio((int) spam.stream().filter(s -> s > bar).count(), spam.size());
    }

    private static double ratio(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }
}
