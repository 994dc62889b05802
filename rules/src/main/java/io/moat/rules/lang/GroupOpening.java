// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import io.moat.rules.lang.PerlRegex.UntranslatableException;

/** Translates the opening of a {@code (?...} or {@code (*...} group. See {@link PerlRegex}. */
final class GroupOpening {
    private GroupOpening() {
    }

    /** Appends the Java form of the group opening at {@code at}. */
    static void translate(String in, int at, StringBuilder out) throws UntranslatableException {
        String rest = in.substring(at);
        if (rest.startsWith("(*")) {
            throw new UntranslatableException("backtracking control verb " + upTo(rest, ')'));
        }
        if (rest.startsWith("(?#")) {
            return;
        }
        if (isNamedGroup(rest)) {
            out.append("(?<").append(groupName(rest)).append('>');
        } else if (rest.startsWith("(?P=")) {
            out.append("\\k<").append(javaName(rest.substring(4, Math.max(4, rest.indexOf(')'))))).append('>');
        } else if (rest.startsWith("(?|")) {
            throw new UntranslatableException("branch reset group (?|...)");
        } else if (rest.startsWith("(?{") || rest.startsWith("(??{")) {
            throw new UntranslatableException("embedded Perl code (?{...})");
        } else if (rest.matches("(?s)\\(\\?(R|[+-]?\\d+|&|P>).*")) {
            throw new UntranslatableException("recursion or subroutine call " + upTo(rest, ')'));
        } else if (rest.startsWith("(?^")) {
            out.append(caretFlags(rest));
        } else {
            out.append("(?");
        }
    }

    /** The index just after the part of the opening that {@link #translate} consumed. */
    static int end(String in, int at) {
        String rest = in.substring(at);
        if (rest.startsWith("(?#") || rest.startsWith("(?P=")) {
            int close = in.indexOf(')', at);
            return close < 0 ? in.length() : close + 1;
        }
        if (isNamedGroup(rest)) {
            int close = rest.indexOf(rest.startsWith("(?'") ? '\'' : '>', 4);
            return close < 0 ? in.length() : at + close + 1;
        }
        if (rest.startsWith("(?^")) {
            int i = at + 3;
            while (i < in.length() && Character.isLetter(in.charAt(i))) {
                i++;
            }
            return i;
        }
        return at + 2;
    }

    private static boolean isNamedGroup(String rest) {
        return rest.startsWith("(?P<") || rest.startsWith("(?'")
                || rest.startsWith("(?<") && rest.length() > 3 && Character.isLetter(rest.charAt(3));
    }

    private static String groupName(String rest) {
        int start = rest.startsWith("(?P<") ? 4 : 3;
        int close = rest.indexOf(rest.startsWith("(?'") ? '\'' : '>', start);
        return javaName(rest.substring(start, close < 0 ? rest.length() : close));
    }

    /** Java group names are letters and digits only; Perl also allows '_'. */
    static String javaName(String perl) {
        StringBuilder out = new StringBuilder();
        for (char c : perl.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        if (out.isEmpty() || !Character.isLetter(out.charAt(0))) {
            out.insert(0, 'g');
        }
        return out.toString();
    }

    private static String caretFlags(String rest) {
        int i = 3;
        StringBuilder on = new StringBuilder();
        while (i < rest.length() && Character.isLetter(rest.charAt(i))) {
            char f = rest.charAt(i++);
            if ("imsx".indexOf(f) >= 0) {
                on.append(f);
            }
        }
        StringBuilder off = new StringBuilder();
        for (char f : "imsx".toCharArray()) {
            if (on.indexOf(String.valueOf(f)) < 0) {
                off.append(f);
            }
        }
        return "(?" + on + (off.isEmpty() ? "" : "-" + off);
    }

    private static String upTo(String s, char end) {
        int e = s.indexOf(end);
        return e < 0 ? s : s.substring(0, e + 1);
    }
}
