// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import io.moat.rules.checks.DateSkew;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Symbols that are not rules in a file but that code sets: the statistical filter's buckets and
 * the coded checks. Rule files give them weights and metas read them; the loader must know them
 * so a meta that names one is not reported as reading an undefined rule.
 */
public final class ComputedSymbols {
    /** Every computed symbol. */
    public static final Set<String> ALL = all();

    private ComputedSymbols() {
    }

    private static Set<String> all() {
        List<String> out = new ArrayList<>(BayesBuckets.SYMBOLS);
        out.addAll(DateSkew.SYMBOLS);
        return Set.copyOf(out);
    }
}
