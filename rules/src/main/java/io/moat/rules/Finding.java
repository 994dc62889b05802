// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

/**
 * One rule or filter that fired: its stable UPPER_SNAKE symbol, the weight it added to the
 * score (already multiplied by its hit count), what it means, and what it saw (for the
 * statistical filter: the probability and the tokens that pushed it most).
 */
public record Finding(String symbol, double weight, String description, String detail) {
}
