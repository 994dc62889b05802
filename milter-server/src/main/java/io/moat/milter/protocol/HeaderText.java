// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

/**
 * Checks and cleans text that ends up in a header or an SMTP reply, so no input can inject a
 * line break or a NUL into Postfix's output.
 */
public final class HeaderText {
    private HeaderText() {
    }

    /** A field name: printable US-ASCII except colon (RFC 5322 section 2.2). */
    public static void requireName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                throw new IllegalArgumentException("header name " + printable(name) + " has an illegal character");
            }
        }
    }

    /** A field value: no NUL or CR; a LF only as folding, i.e. followed by a space or tab. */
    public static void requireValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c == '\r') {
                throw new IllegalArgumentException("header value contains NUL or CR: " + printable(value));
            }
            if (c == '\n' && (i + 1 >= value.length() || (value.charAt(i + 1) != ' ' && value.charAt(i + 1) != '\t'))) {
                throw new IllegalArgumentException("header value has a line break that is not folding: " + printable(value));
            }
        }
    }

    /** Rejects NUL, CR and LF. */
    public static void requireNoControls(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " contains NUL, CR or LF: " + printable(text));
            }
        }
    }

    /** Replaces every control character (CR, LF, NUL, TAB...) with a space: for untrusted values. */
    public static String sanitize(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 32 || c == 127) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? text : sb.toString();
    }

    static String printable(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return '"' + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + '"';
    }
}
