// SPDX-License-Identifier: Apache-2.0
/**
 * The content score: {@link io.moat.rules.ContentScorer} parses a message once, runs the rule
 * set and the statistical filter over it and returns a {@link io.moat.rules.ContentReport}
 * of findings (symbol, weight, description, detail) and their total. It knows nothing of the
 * milter; the daemon turns the report into a verdict.
 */
@org.jspecify.annotations.NullMarked
package io.moat.rules;
