// SPDX-License-Identifier: Apache-2.0
/**
 * Values that describe a message's fate: findings, the SpamScore and class they add up to
 * ({@link io.moat.milter.verdict.Scorer}), verdicts, and the policy that maps a class to an action.
 * Findings, scores and actions stay separate: only the scorer adds, only the policy decides.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.verdict;
