// SPDX-License-Identifier: Apache-2.0
/**
 * Header checks at end of headers: missing and duplicated fields, raw 8-bit bytes, malformed From
 * and Date, broken Received lines, and From/Reply-To/envelope domain mismatches. Each check is a
 * small {@link io.moat.milter.filter.header.HeaderCheck}; every symbol, weight and implied class
 * is declared once in {@link io.moat.milter.filter.header.HeaderSymbol}. Only the clear breakages
 * imply the bad-header class; the rest are modest weights towards the SpamScore.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.filter.header;
