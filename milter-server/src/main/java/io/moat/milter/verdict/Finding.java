// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One thing a filter noticed: a stable UPPER_SNAKE symbol (listed in docs/symbols.md), its weight
 * towards the SpamScore, a detail for people, and the class it implies on its own, if any.
 */
public record Finding(String symbol, double weight, String detail, @Nullable Classification implies) {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Finding {
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("finding symbol must be UPPER_SNAKE: " + symbol);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("finding weight must be finite: " + weight);
        }
    }

    public static Finding of(String symbol, double weight, String detail) {
        return new Finding(symbol, weight, detail, null);
    }
}
