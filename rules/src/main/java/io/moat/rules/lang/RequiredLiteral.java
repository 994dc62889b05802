// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

/**
 * Finds a literal string that every match of a Java regular expression must contain, so a body
 * rule can be skipped with one {@code indexOf} when the text lacks it. Conservative: it looks
 * only at the top level, gives up on any top-level alternation, and returns the empty string
 * when it finds no literal of at least three characters.
 */
final class RequiredLiteral {
    private static final int MIN = 3;

    private RequiredLiteral() {
    }

    static String of(String regex) {
        if (regex.contains("\\Q") || hasTopLevelAlternation(regex)) {
            return "";
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int next;
            char literal;
            if (c == '\\' && i + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
                literal = regex.charAt(i + 1);
                next = i + 2;
            } else if (Character.isLetterOrDigit(c) || " _-@:/=%,;'\"<>!&#~`".indexOf(c) >= 0) {
                literal = c;
                next = i + 1;
            } else {
                best = longer(best, run);
                run.setLength(0);
                i = skipAtom(regex, i);
                continue;
            }
            char q = next < regex.length() ? regex.charAt(next) : 0;
            if (q == '?' || q == '*' || q == '{') {
                best = longer(best, run);
                run.setLength(0);
            } else {
                run.append(literal);
                if (q == '+') {
                    best = longer(best, run);
                    run.setLength(0);
                }
            }
            i = next;
        }
        return longer(best, run);
    }

    private static String longer(String best, CharSequence run) {
        return run.length() >= MIN && run.length() > best.length() ? run.toString() : best;
    }

    /** Skips a non-literal atom: a group, a class, an escape or a metacharacter. */
    private static int skipAtom(String r, int i) {
        char c = r.charAt(i);
        if (c == '\\') {
            return Math.min(r.length(), i + 2);
        }
        if (c == '{') {
            int close = r.indexOf('}', i);
            return close < 0 ? r.length() : close + 1;
        }
        if (c == '[') {
            int j = i + 1;
            while (j < r.length() && r.charAt(j) != ']') {
                j += r.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }
        if (c == '(') {
            int depth = 0;
            for (int j = i; j < r.length(); j++) {
                char d = r.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == '(') {
                    depth++;
                } else if (d == ')' && --depth == 0) {
                    return j + 1;
                }
            }
            return r.length();
        }
        return i + 1;
    }

    private static boolean hasTopLevelAlternation(String r) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
