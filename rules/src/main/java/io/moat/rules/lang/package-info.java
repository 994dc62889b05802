// SPDX-License-Identifier: Apache-2.0
/**
 * The rule language: a reader for the common subset of SpamAssassin's rule-file syntax
 * ({@code header}, {@code body}, {@code rawbody}, {@code uri}, {@code full}, {@code meta},
 * {@code score}, {@code describe}, {@code tflags}), the translation of Perl regular
 * expressions into {@link java.util.regex.Pattern}s with a reason for each one that cannot be
 * translated, the expression language of {@code meta} rules, and the literal prefilter that
 * lets body rules skip messages cheaply.
 */
@org.jspecify.annotations.NullMarked
package io.moat.rules.lang;
