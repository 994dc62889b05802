// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.util.regex.Pattern;

/**
 * Maps return codes of one list to a named finding: either one exact code ({@code value}, e.g.
 * 127.0.0.2) or any code sharing a bit with {@code mask} (bit-coded lists such as SURBL's
 * multi.surbl.org, where 127.0.0.4 and 127.0.0.8 mean different feeds).
 */
public record CodeRule(Match match, String symbol, double weight) {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** How a return code is matched. */
    public sealed interface Match {
        boolean test(int code);
    }

    /** The code equals this value. */
    public record Exact(int value) implements Match {
        @Override
        public boolean test(int code) {
            return code == value;
        }
    }

    /** The code has at least one of these bits set. */
    public record Mask(int bits) implements Match {
        public Mask {
            if (bits == 0) {
                throw new IllegalArgumentException("a mask of 0 matches nothing");
            }
        }

        @Override
        public boolean test(int code) {
            return (code & bits) != 0;
        }
    }

    public CodeRule {
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must be UPPER_SNAKE: " + symbol);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number");
        }
    }

    public boolean matches(int code) {
        return match.test(code);
    }
}
