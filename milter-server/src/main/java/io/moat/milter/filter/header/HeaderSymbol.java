// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import org.jspecify.annotations.Nullable;

/**
 * Every finding the header checks make: symbol, weight, the class it implies on its own (only
 * clear breakages imply bad-header) and a description for docs/symbols.md. Thresholds were set by
 * measuring the training ham (see docs/symbols.md). Signals the content rules already score
 * (missing or malformed Date, missing Message-ID) weigh 0 here so they are not counted twice.
 */
public enum HeaderSymbol {
    HDR_MISSING_FROM(1.0, Classification.BAD_HEADER, "No From field (RFC 5322 requires exactly one)"),
    HDR_DUPLICATE_FROM(1.0, Classification.BAD_HEADER, "More than one From field"),
    HDR_DUPLICATE_DATE(0.5, Classification.BAD_HEADER, "More than one Date field"),
    HDR_DUPLICATE_MESSAGE_ID(0.5, Classification.BAD_HEADER, "More than one Message-ID field"),
    HDR_DUPLICATE_SINGLE(0.5, null, "More than one Subject, To, Cc, Reply-To or Sender field"),
    HDR_MISSING_DATE(0.0, null, "No Date field; alone not bad-header. Weight 0: the content rule MISSING_DATE scores it"),
    HDR_MISSING_MESSAGE_ID(0.0, null, "No Message-ID field; alone not bad-header. Weight 0: the content rule MISSING_MSGID scores it"),
    HDR_FROM_MALFORMED(1.0, Classification.BAD_HEADER, "From field has no parsable mailbox address"),
    HDR_DATE_MALFORMED(0.0, null, "Date field is not an RFC 5322 date. Weight 0: the content rule DATE_MALFORMED scores it"),
    HDR_8BIT_RAW_ADDRESS(1.0, Classification.BAD_HEADER,
            "Unencoded 8-bit bytes (not valid UTF-8) in an address, Date or Message-ID field, where they break parsing"),
    HDR_8BIT_RAW(0.5, null, "Unencoded 8-bit bytes (not valid UTF-8) in Subject or another unstructured field (RFC 2047 not used)"),
    HDR_8BIT_UTF8(0.1, null, "Raw UTF-8 in header fields (legitimate with SMTPUTF8, RFC 6532; rare otherwise)"),
    HDR_RECEIVED_BROKEN(0.5, null, "A Received field without a ';' and a parsable date after it"),
    HDR_REPLYTO_DOMAIN_MISMATCH(0.3, null, "Reply-To domain differs from the From domain"),
    HDR_FROM_ENVELOPE_MISMATCH(0.1, null, "Envelope sender (Return-Path) domain differs from the From domain");

    private final double weight;
    private final @Nullable Classification implies;
    private final String description;

    HeaderSymbol(double weight, @Nullable Classification implies, String description) {
        this.weight = weight;
        this.implies = implies;
        this.description = description;
    }

    public double weight() {
        return weight;
    }

    public @Nullable Classification implies() {
        return implies;
    }

    public String description() {
        return description;
    }

    public Finding finding(String detail) {
        return new Finding(name(), weight, detail, implies);
    }
}
