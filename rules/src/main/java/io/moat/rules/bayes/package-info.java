// SPDX-License-Identifier: Apache-2.0
/**
 * The statistical filter: a tokenizer that turns a parsed message into features (body words,
 * word pairs, header-tagged words, URL parts, MIME shape), a Robinson/Fisher chi-square
 * classifier over per-token spam and ham counts, the small {@link io.moat.rules.bayes.TokenStore}
 * interface that holds those counts (in memory, in a file, or later in the shared store), and
 * the {@link io.moat.rules.bayes.Learner} that trains it idempotently per message.
 */
@org.jspecify.annotations.NullMarked
package io.moat.rules.bayes;
