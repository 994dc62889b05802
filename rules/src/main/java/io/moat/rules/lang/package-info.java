// SPDX-License-Identifier: Apache-2.0
/**
 * The rule language: a reader for the common subset of SpamAssassin's rule-file syntax
 * ({@code header}, {@code body}, {@code rawbody}, {@code uri}, {@code full}, {@code meta},
 * {@code score}, {@code describe}, {@code tflags}), the translation of Perl regular
 * expressions into {@link java.util.regex.Pattern}s with a reason for each one that cannot be
 * translated, the expression language of {@code meta} rules, and what lets rules skip work
 * cheaply: the literals a match must contain or start with, and the characters it can start
 * with.
 */
@org.jspecify.annotations.NullMarked
package io.moat.rules.lang;
