// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

/**
 * The left side of a header test: a field name or a pseudo-field ({@code ALL}, {@code ToCc},
 * {@code MESSAGEID}, {@code EnvelopeFrom}), which part of its value is read, and whether the
 * value is taken as received ({@code :raw}) or with RFC 2047 words decoded (the default).
 */
public record HeaderSelector(String field, Part part, boolean raw) {
    /** Which part of a field's value is read. */
    public enum Part {
        /** The whole value. */
        VALUE,
        /** The first e-mail address in it ({@code :addr}). */
        ADDRESS,
        /** The display name before the address ({@code :name}). */
        NAME
    }

    /** Reads {@code Field} or {@code Field:mod[:mod]}; returns null for an unknown or conflicting modifier. */
    static HeaderSelector parse(String spec) {
        String[] parts = spec.split(":");
        Part part = Part.VALUE;
        boolean raw = false;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "raw" -> raw = true;
                case "addr" -> {
                    if (part != Part.VALUE) {
                        return null;
                    }
                    part = Part.ADDRESS;
                }
                case "name" -> {
                    if (part != Part.VALUE) {
                        return null;
                    }
                    part = Part.NAME;
                }
                default -> {
                    return null;
                }
            }
        }
        return new HeaderSelector(parts[0], part, raw);
    }
}
