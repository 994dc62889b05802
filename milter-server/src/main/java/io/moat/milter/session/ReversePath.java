// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

/**
 * The envelope sender of MAIL FROM. The null sender {@code <>} (bounces) is {@link #NULL}, never
 * Java's null.
 */
public record ReversePath(String address) {
    public static final ReversePath NULL = new ReversePath("");

    /** Parses the argument as Postfix sends it: {@code <user@example.org>}, {@code <>} or bare. */
    public static ReversePath parse(String raw) {
        String s = raw.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? NULL : new ReversePath(s);
    }

    public boolean isNull() {
        return address.isEmpty();
    }

    @Override
    public String toString() {
        return "<" + address + ">";
    }
}
