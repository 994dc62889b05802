// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A loaded, compiled rule set: the rules (tests first, then metas in dependency order), their
 * weights, descriptions and tflags, and the rules that were read but cannot run here.
 */
public record RuleSet(
        List<Rule> rules,
        Map<String, Double> scores,
        Map<String, String> descriptions,
        Map<String, Set<String>> tflags,
        List<Unsupported> unsupported,
        OptionalDouble requiredScore) {
    public static final RuleSet EMPTY = new RuleSet(List.of(), Map.of(), Map.of(), Map.of(), List.of(), OptionalDouble.empty());

    public RuleSet {
        rules = List.copyOf(rules);
        scores = Map.copyOf(scores);
        descriptions = Map.copyOf(descriptions);
        tflags = Map.copyOf(tflags);
        unsupported = List.copyOf(unsupported);
    }

    /** The weight of a symbol: its score line, else 0 for {@code __} sub-rules and 1 for others. */
    public double weight(String symbol) {
        Double w = scores.get(symbol);
        return w != null ? w : symbol.startsWith("__") ? 0 : 1.0;
    }

    public String description(String symbol) {
        return descriptions.getOrDefault(symbol, "");
    }

    public boolean hasFlag(String symbol, String flag) {
        return tflags.getOrDefault(symbol, Set.of()).contains(flag);
    }

    /** The {@code maxhits=N} of a {@code multiple} rule, 1 for other rules. */
    public int maxHits(String symbol) {
        Set<String> flags = tflags.getOrDefault(symbol, Set.of());
        if (!flags.contains("multiple")) {
            return 1;
        }
        for (String f : flags) {
            if (f.startsWith("maxhits=")) {
                try {
                    return Math.max(1, Integer.parseInt(f.substring(8)));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1000;
    }
}
