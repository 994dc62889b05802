// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often one symbol fired on spam, ham and hard ham, as fractions, and its spam ratio
 * spam% / (spam% + ham%) (SpamAssassin's "S/O"): 1.0 fires only on spam, 0.0 only on ham.
 */
public record HitRate(String symbol, double spam, double ham, double hardHam, double spamRatio) {
    /** Hit rates of every symbol that fired at least once, most frequent on spam first. */
    public static List<HitRate> of(List<Outcome> outcomes) {
        int[] totals = new int[Kind.values().length];
        Map<String, int[]> counts = new HashMap<>();
        for (Outcome o : outcomes) {
            totals[o.kind().ordinal()]++;
            for (String s : o.symbols()) {
                counts.computeIfAbsent(s, k -> new int[Kind.values().length])[o.kind().ordinal()]++;
            }
        }
        List<HitRate> out = new ArrayList<>();
        counts.forEach((symbol, c) -> {
            double spam = fraction(c[Kind.SPAM.ordinal()], totals[Kind.SPAM.ordinal()]);
            double ham = fraction(c[Kind.HAM.ordinal()], totals[Kind.HAM.ordinal()]);
            double hard = fraction(c[Kind.HARD_HAM.ordinal()], totals[Kind.HARD_HAM.ordinal()]);
            out.add(new HitRate(symbol, spam, ham, hard, spam + ham == 0 ? 0.5 : spam / (spam + ham)));
        });
        out.sort(Comparator.comparingDouble(HitRate::spam).reversed().thenComparing(HitRate::symbol));
        return out;
    }

    private static double fraction(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }
}
