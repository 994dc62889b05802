// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits rule weights to a labelled corpus: L2-regularised logistic regression over which symbols
 * fired, with errors on ham weighted {@code hamCost} times heavier, trained by full-batch
 * gradient descent with Adam steps. The fitted boundary w·x + b = 0 is rescaled so that it falls
 * at the score threshold: weight = w * threshold / -b. The result is a proposal for a person to
 * review, not something to deploy blind.
 */
public final class Rescorer {
    private static final int ITERATIONS = 3000;
    private static final double RATE = 0.05;

    private Rescorer() {
    }

    /** Fitted weights per symbol (sub-rules starting with {@code __} are left out). */
    public static Map<String, Double> fit(List<Outcome> outcomes, double threshold, double hamCost, double l2) {
        Map<String, Integer> index = new HashMap<>();
        List<int[]> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            rows.add(o.symbols().stream().filter(s -> !s.startsWith("__"))
                    .mapToInt(s -> index.computeIfAbsent(s, k -> index.size())).toArray());
        }
        int n = index.size() + 1;
        double[] w = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int t = 1; t <= ITERATIONS; t++) {
            double[] g = gradient(outcomes, rows, w, hamCost, l2);
            for (int j = 0; j < n; j++) {
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                double mh = m[j] / (1 - Math.pow(0.9, t));
                double vh = v[j] / (1 - Math.pow(0.999, t));
                w[j] -= RATE * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        double bias = w[n - 1];
        if (bias >= 0) {
            throw new IllegalStateException("the fitted model leans to spam with no rule hit (bias " + bias
                    + "); add more ham or raise the ham cost");
        }
        Map<String, Double> out = new TreeMap<>();
        index.forEach((symbol, j) -> out.put(symbol, Math.round(w[j] * threshold / -bias * 1000) / 1000.0));
        return out;
    }

    private static double[] gradient(List<Outcome> outcomes, List<int[]> rows, double[] w, double hamCost, double l2) {
        int n = w.length;
        double[] g = new double[n];
        double total = 0;
        for (int i = 0; i < rows.size(); i++) {
            int[] x = rows.get(i);
            double z = w[n - 1];
            for (int j : x) {
                z += w[j];
            }
            double p = 1 / (1 + Math.exp(-z));
            boolean spam = outcomes.get(i).kind().isSpam();
            double weight = spam ? 1 : hamCost;
            double err = weight * (p - (spam ? 1 : 0));
            total += weight;
            for (int j : x) {
                g[j] += err;
            }
            g[n - 1] += err;
        }
        for (int j = 0; j < n; j++) {
            g[j] = g[j] / total + (j < n - 1 ? l2 * w[j] : 0);
        }
        return g;
    }
}
