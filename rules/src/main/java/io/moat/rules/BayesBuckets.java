// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import java.util.List;

/**
 * The statistical filter's probability as a symbol, so its weight comes from the rule files like
 * any rule's and metas can read it: BAYES_00 (below 1%) ... BAYES_999 (99.9% and above). The
 * names follow the convention admins know from SpamAssassin, so their metas keep working.
 */
public final class BayesBuckets {
    private static final double[] LOWER = {0, 0.01, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99, 0.999};

    /** Every bucket symbol, lowest first. */
    public static final List<String> SYMBOLS = List.of(
            "BAYES_00", "BAYES_05", "BAYES_20", "BAYES_40", "BAYES_50", "BAYES_60", "BAYES_80", "BAYES_95", "BAYES_99",
            "BAYES_999");

    private BayesBuckets() {
    }

    public static String symbol(double probability) {
        for (int i = LOWER.length - 1; i > 0; i--) {
            if (probability >= LOWER[i]) {
                return SYMBOLS.get(i);
            }
        }
        return SYMBOLS.get(0);
    }
}
