// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

/** One token that moved a classification: its spam probability and how often it was seen. */
public record Clue(String token, double probability, long spam, long ham) {
    /** How far the token pushed, either way (0 = neutral, 0.5 = certain). */
    public double strength() {
        return Math.abs(probability - 0.5);
    }
}
