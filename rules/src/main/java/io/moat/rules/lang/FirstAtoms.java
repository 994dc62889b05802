// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import org.jspecify.annotations.Nullable;

/**
 * Reads the atoms a match of a Java regular expression can start with and writes them as the
 * body of one character class: {@code \b(?:pay|[0-9]+\s)} gives {@code \x{70}[0-9]}. Zero-width
 * atoms ({@code \b}, {@code ^}, lookaround) are stepped over; an optional atom adds the next
 * one. Anything else it does not know ends the reading with no result.
 */
final class FirstAtoms {
    private final String r;
    private int i;

    private FirstAtoms(String regex) {
        this.r = regex;
    }

    /** A class body every first character of a match matches, or null if unknown. */
    static @Nullable String union(String regex) {
        FirstAtoms p = new FirstAtoms(regex);
        try {
            First f = p.alternation();
            return f == null || f.nullable() || f.parts().isEmpty() || p.i != regex.length() ? null : f.parts();
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return null;
        }
    }

    /** Whether the expression has no {@code |} outside groups (so its first atom starts every match). */
    static boolean oneBranch(String regex) {
        FirstAtoms p = new FirstAtoms(regex);
        try {
            p.scan(true);
            return p.i == regex.length();
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** The first atoms of an expression, and whether it can match the empty string. */
    private record First(String parts, boolean nullable) {
        static final First EMPTY = new First("", true);
    }

    private @Nullable First alternation() {
        StringBuilder parts = new StringBuilder();
        boolean nullable = false;
        while (true) {
            First branch = sequence();
            if (branch == null) {
                return null;
            }
            parts.append(branch.parts());
            nullable |= branch.nullable();
            if (i < r.length() && r.charAt(i) == '|') {
                i++;
                continue;
            }
            return new First(parts.toString(), nullable);
        }
    }

    private @Nullable First sequence() {
        StringBuilder parts = new StringBuilder();
        while (i < r.length() && r.charAt(i) != '|' && r.charAt(i) != ')') {
            First atom = atom();
            if (atom == null) {
                return null;
            }
            boolean optional = minimum() == 0;
            parts.append(atom.parts());
            if (!atom.nullable() && !optional) {
                scan(true);
                return new First(parts.toString(), false);
            }
        }
        return new First(parts.toString(), true);
    }

    private @Nullable First atom() {
        char c = r.charAt(i);
        if (c == '^' || c == '$') {
            i++;
            return First.EMPTY;
        }
        if (c == '(') {
            return group();
        }
        if (c == '[') {
            int start = i;
            skipClass();
            return new First(r.substring(start, i), false);
        }
        if (c == '\\') {
            return escape();
        }
        if (c == '.' || c == '*' || c == '+' || c == '?' || c == '{') {
            return null;
        }
        int cp = r.codePointAt(i);
        i += Character.charCount(cp);
        return new First("\\x{" + Integer.toHexString(cp) + "}", false);
    }

    private @Nullable First group() {
        i++;
        if (r.startsWith("?=", i) || r.startsWith("?!", i) || r.startsWith("?<=", i) || r.startsWith("?<!", i)) {
            scan(false);
            i++;
            return First.EMPTY;
        }
        if (r.startsWith("?:", i) || r.startsWith("?>", i)) {
            i += 2;
        } else if (r.startsWith("?<", i)) {
            i = r.indexOf('>', i) + 1;
        } else if (r.startsWith("?", i)) {
            return null;
        }
        First inner = alternation();
        if (inner == null || r.charAt(i) != ')') {
            return null;
        }
        i++;
        return inner;
    }

    private @Nullable First escape() {
        char e = r.charAt(i + 1);
        int start = i;
        i += 2;
        if (e == 'b' || e == 'B' || e == 'A' || e == 'z' || e == 'Z') {
            return First.EMPTY;
        }
        if (!Character.isLetterOrDigit(e) || "dDsSwWhHvVtnrfae".indexOf(e) >= 0) {
            return new First(r.substring(start, i), false);
        }
        switch (e) {
            case 'x' -> i = r.charAt(i) == '{' ? r.indexOf('}', i) + 1 : i + 2;
            case 'u' -> i += 4;
            case 'c' -> i += 1;
            case 'p', 'P' -> i = r.charAt(i) == '{' ? r.indexOf('}', i) + 1 : i + 1;
            case '0' -> {
                int digits = 0;
                while (digits < 3 && i < r.length() && r.charAt(i) >= '0' && r.charAt(i) <= '7') {
                    i++;
                    digits++;
                }
            }
            default -> {
                return null;
            }
        }
        if (i <= start + 2 && e != 'c' && e != '0') {
            return null;
        }
        return new First(r.substring(start, i), false);
    }

    /** Reads a quantifier if there is one: its minimum, or 1 when there is none. */
    private int minimum() {
        if (i >= r.length()) {
            return 1;
        }
        char q = r.charAt(i);
        int min = 1;
        if (q == '?' || q == '*') {
            min = 0;
            i++;
        } else if (q == '+') {
            i++;
        } else if (q == '{') {
            int close = r.indexOf('}', i);
            String[] bounds = r.substring(i + 1, close).split(",", -1);
            if (bounds.length > 2 || !bounds[0].matches("\\d+") || bounds.length == 2 && !bounds[1].matches("\\d*")) {
                throw new IllegalStateException("not a quantifier");
            }
            min = Integer.parseInt(bounds[0]);
            i = close + 1;
        } else {
            return 1;
        }
        if (i < r.length() && (r.charAt(i) == '?' || r.charAt(i) == '+')) {
            i++;
        }
        return min;
    }

    /** Moves to the end of the current branch ({@code |} if stopAtBar) or group, at this depth. */
    private void scan(boolean stopAtBar) {
        int depth = 0;
        while (i < r.length()) {
            char c = r.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                skipClass();
            } else if (c == ')' && depth == 0 || c == '|' && depth == 0 && stopAtBar) {
                return;
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
        }
    }

    /** Moves past a character class, nested classes included; a {@code ]} first is literal. */
    private void skipClass() {
        i++;
        if (r.charAt(i) == '^') {
            i++;
        }
        if (r.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (depth > 0) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            i++;
        }
    }
}
