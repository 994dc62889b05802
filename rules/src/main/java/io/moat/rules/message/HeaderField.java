// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

/**
 * One header field as it appeared: the name as written and the raw value with folding removed
 * (line breaks of continuation lines kept as a single space).
 */
public record HeaderField(String name, String rawValue) {
    /** The value with RFC 2047 encoded words decoded. */
    public String decodedValue() {
        return EncodedWords.decode(rawValue);
    }
}
