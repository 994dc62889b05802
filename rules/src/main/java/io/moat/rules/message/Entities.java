// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.Map;

/** Decodes HTML character references; an unknown or broken reference stays as written. */
final class Entities {
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"),
            Map.entry("trade", "\u2122"), Map.entry("euro", "\u20ac"), Map.entry("pound", "\u00a3"),
            Map.entry("middot", "\u00b7"), Map.entry("bull", "\u2022"), Map.entry("hellip", "..."),
            Map.entry("mdash", "-"), Map.entry("ndash", "-"), Map.entry("rsquo", "'"), Map.entry("lsquo", "'"),
            Map.entry("rdquo", "\""), Map.entry("ldquo", "\""), Map.entry("shy", ""));

    private Entities() {
    }

    /** Decodes the reference starting at {@code start} ('&'), returns the index after it. */
    static int decode(String s, int start, StringBuilder out) {
        int end = start + 1;
        int limit = Math.min(s.length(), start + 12);
        while (end < limit && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '#')) {
            end++;
        }
        String body = s.substring(start + 1, end);
        String decoded = body.startsWith("#") ? numeric(body.substring(1)) : NAMED.get(body);
        if (decoded == null) {
            out.append('&');
            return start + 1;
        }
        out.append(decoded);
        return end < s.length() && s.charAt(end) == ';' ? end + 1 : end;
    }

    private static String numeric(String digits) {
        try {
            int cp = digits.startsWith("x") || digits.startsWith("X")
                    ? Integer.parseInt(digits.substring(1), 16)
                    : Integer.parseInt(digits);
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
