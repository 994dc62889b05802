// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the literals every match of a Java regular expression starts with (after zero-width
 * assertions such as {@code \b} and {@code ^}): {@code \b(?:earn|make)\s+money|\bfinancial\b}
 * gives [earn, make, financial]. The evaluator then tries the pattern only where one of them
 * occurs, anchored, instead of at every position of the text. Conservative: any branch it cannot
 * read, a literal shorter than three characters or more than {@value #MAX} literals give the
 * empty list.
 */
final class LeadingLiterals {
    private static final int MIN = 3;
    private static final int MAX = 24;
    private final String r;
    private int i;

    private LeadingLiterals(String regex) {
        this.r = regex;
    }

    static List<String> of(String regex) {
        if (regex.contains("\\Q")) {
            return List.of();
        }
        LeadingLiterals p = new LeadingLiterals(regex);
        Set<String> out = p.alternation();
        return out == null || p.i < regex.length() ? List.of() : List.copyOf(out);
    }

    private Set<String> alternation() {
        Set<String> all = new LinkedHashSet<>();
        boolean known = true;
        while (true) {
            Set<String> branch = branch();
            skipRestOfBranch();
            if (branch == null) {
                known = false;
            } else {
                all.addAll(branch);
            }
            if (i < r.length() && r.charAt(i) == '|') {
                i++;
                continue;
            }
            break;
        }
        return known && all.size() <= MAX ? all : null;
    }

    /** The leading literals of one branch, or null. */
    private Set<String> branch() {
        while (r.startsWith("\\b", i) || r.startsWith("^", i) || r.startsWith("\\A", i)) {
            i += r.charAt(i) == '^' ? 1 : 2;
        }
        if (i >= r.length()) {
            return null;
        }
        if (r.charAt(i) == '(') {
            return group();
        }
        StringBuilder run = new StringBuilder();
        while (i < r.length()) {
            char c = r.charAt(i);
            boolean escaped = c == '\\' && i + 1 < r.length() && !Character.isLetterOrDigit(r.charAt(i + 1));
            if (!escaped && !(Character.isLetterOrDigit(c) || " _-@:/=%,;'\"<>!&#~`".indexOf(c) >= 0)) {
                break;
            }
            int next = i + (escaped ? 2 : 1);
            char q = next < r.length() ? r.charAt(next) : 0;
            if (q == '?' || q == '*' || q == '{') {
                break;
            }
            run.append(escaped ? r.charAt(i + 1) : c);
            i = next;
            if (q == '+') {
                break;
            }
        }
        return run.length() >= MIN ? Set.of(run.toString()) : null;
    }

    private Set<String> group() {
        int open = i;
        i++;
        if (r.startsWith("?:", i)) {
            i += 2;
        } else if (r.startsWith("?", i)) {
            i = open;
            return null;
        }
        Set<String> inner = alternation();
        if (i >= r.length() || r.charAt(i) != ')') {
            return null;
        }
        i++;
        char q = i < r.length() ? r.charAt(i) : 0;
        return q == '?' || q == '*' || q == '{' ? null : inner;
    }

    /** Skips to the end of the current branch: the next '|' or ')' at this depth. */
    private void skipRestOfBranch() {
        int depth = 0;
        boolean inClass = false;
        while (i < r.length()) {
            char c = r.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < r.length() && r.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (c == '|' && depth == 0) {
                return;
            }
            i++;
        }
    }
}
