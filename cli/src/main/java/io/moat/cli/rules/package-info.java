// SPDX-License-Identifier: Apache-2.0
/**
 * {@code moat rules}: lint rule files, show per-rule hit rates on a labelled corpus, and fit
 * rule weights into a score file for review; plus the options every command that loads rules
 * shares.
 */
@org.jspecify.annotations.NullMarked
package io.moat.cli.rules;
