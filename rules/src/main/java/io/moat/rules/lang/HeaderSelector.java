// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

/**
 * The left side of a header test: a field name or a pseudo-field ({@code ALL}, {@code ToCc},
 * {@code MESSAGEID}, {@code EnvelopeFrom}) and how its value is read.
 */
public record HeaderSelector(String field, Form form) {
    /** How a field's value is read. */
    public enum Form {
        /** RFC 2047 words decoded (the default). */
        DECODED,
        /** As received ({@code :raw}). */
        RAW,
        /** The first e-mail address in it ({@code :addr}). */
        ADDRESS,
        /** The display name before the address ({@code :name}). */
        NAME
    }

    /** Reads {@code Field} or {@code Field:modifier}; returns null for an unknown modifier. */
    static HeaderSelector parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new HeaderSelector(spec, Form.DECODED);
        }
        Form form = switch (spec.substring(colon + 1)) {
            case "raw" -> Form.RAW;
            case "addr" -> Form.ADDRESS;
            case "name" -> Form.NAME;
            default -> null;
        };
        return form == null ? null : new HeaderSelector(spec.substring(0, colon), form);
    }
}
