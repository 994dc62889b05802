// SPDX-License-Identifier: Apache-2.0
/**
 * The message model used for scoring: an RFC 5322 / MIME parser that tolerates an mbox
 * {@code From } line and broken input, transfer and charset decoding, HTML to text, and the
 * normalised body text and URIs that rules and the statistical filter read. Parsing never
 * throws: a defect is recorded on the {@link io.moat.rules.message.Message} instead.
 */
@org.jspecify.annotations.NullMarked
package io.moat.rules.message;
