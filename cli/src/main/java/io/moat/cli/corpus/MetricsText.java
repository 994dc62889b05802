// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import io.moat.rules.corpus.Kind;
import io.moat.rules.corpus.Metrics;
import io.moat.rules.corpus.Outcome;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link Metrics} as a table for people and as a map for JSON. */
final class MetricsText {
    private MetricsText() {
    }

    static void table(Metrics m, int folds, PrintWriter out) {
        out.printf(Locale.ROOT, "%-22s %d spam, %d ham, %d hard ham%n", "messages", m.spam(), m.ham(), m.hardHam());
        out.printf(Locale.ROOT, "%-22s %s%n", "statistical filter", folds == 0 ? "state as given" : folds + "-fold cross-validation");
        out.printf(Locale.ROOT, "%-22s %.2f%n", "threshold", m.threshold());
        out.printf(Locale.ROOT, "%-22s %7.2f%%  (%d missed)%n", "spam recall", 100 * m.spamRecall(), m.spamMissed());
        out.printf(Locale.ROOT, "%-22s %7.2f%%  (%d)%n", "ham false positives", 100 * m.hamFalsePositiveRate(), m.hamFalsePositives());
        out.printf(Locale.ROOT, "%-22s %7.2f%%  (%d)%n", "hard-ham false pos.", 100 * m.hardHamFalsePositiveRate(),
                m.hardHamFalsePositives());
        for (Map.Entry<Double, Double> e : m.recallAtFalsePositives().entrySet()) {
            out.printf(Locale.ROOT, "%-22s %7.2f%%%n", "recall at " + percent(e.getKey()) + " FP", 100 * e.getValue());
        }
        out.printf(Locale.ROOT, "%-22s %.3f ms (%.0f messages/s per core)%n", "CPU per message", m.cpuMillisPerMessage(),
                m.cpuMillisPerMessage() == 0 ? 0 : 1000 / m.cpuMillisPerMessage());
        out.flush();
    }

    static Map<String, Object> json(Metrics m, int folds) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("spam", m.spam());
        j.put("ham", m.ham());
        j.put("hardHam", m.hardHam());
        j.put("folds", folds);
        j.put("threshold", m.threshold());
        j.put("spamRecall", m.spamRecall());
        j.put("hamFalsePositiveRate", m.hamFalsePositiveRate());
        j.put("hardHamFalsePositiveRate", m.hardHamFalsePositiveRate());
        Map<String, Double> at = new LinkedHashMap<>();
        m.recallAtFalsePositives().forEach((k, v) -> at.put(percent(k), v));
        j.put("recallAtFalsePositiveRate", at);
        j.put("cpuMillisPerMessage", m.cpuMillisPerMessage());
        return j;
    }

    static void errors(List<Outcome> outcomes, double threshold, PrintWriter out) {
        for (Outcome o : outcomes) {
            boolean wrong = o.kind() == Kind.SPAM ? o.score() < threshold : o.score() >= threshold;
            if (wrong) {
                out.printf(Locale.ROOT, "%-9s %7.2f %s %s%n", o.kind(), o.score(), o.origin(), String.join(",", o.symbols()));
            }
        }
        out.flush();
    }

    private static String percent(double fraction) {
        String s = String.format(Locale.ROOT, "%.1f", 100 * fraction);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }
}
