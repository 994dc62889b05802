// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import java.util.List;

/** How one labelled message scored: total, symbols that fired, CPU time spent scoring it. */
public record Outcome(String origin, Kind kind, double score, List<String> symbols, double cpuMillis) {
    public Outcome {
        symbols = List.copyOf(symbols);
    }
}
