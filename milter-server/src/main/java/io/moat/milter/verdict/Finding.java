// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One thing a filter noticed: a stable UPPER_SNAKE symbol (listed in docs/symbols.md), its weight
 * towards the SpamScore, a detail for people, and the class it implies on its own, if any. A
 * finding may instead carry a fact for policy ({@code file}: an attachment's type and name), which
 * the {@link Scorer} sets apart from the findings so recipients' policies can judge it.
 */
public record Finding(String symbol, double weight, String detail, @Nullable Classification implies,
        @Nullable AttachedFile file) {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Finding {
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("finding symbol must be UPPER_SNAKE: " + symbol);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("finding weight must be finite: " + weight);
        }
    }

    public Finding(String symbol, double weight, String detail, @Nullable Classification implies) {
        this(symbol, weight, detail, implies, null);
    }

    public static Finding of(String symbol, double weight, String detail) {
        return new Finding(symbol, weight, detail, null);
    }
}
