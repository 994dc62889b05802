// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds literals of which every match of a Java regular expression must contain at least one,
 * so a rule can be skipped with a few {@code contains} calls when the text has none of them.
 * {@code /\b(?:viagra|cialis)\b/} gives [viagra, cialis]; {@code /click\s+here/} gives [click].
 * Conservative: anything it does not understand (a class, an escape, an optional part) only
 * ends a literal run, and a result with a literal shorter than three characters, or more than
 * {@value #MAX_ALTERNATIVES} of them, is no result (the empty list: always run the regex).
 */
final class RequiredLiterals {
    private static final int MIN = 3;
    private static final int MAX_ALTERNATIVES = 24;
    private static final Set<String> COMMON = Set.of(
            "the", "and", "you", "your", "this", "that", "for", "with", "are", "now", "not", "can", "will", "all", "from",
            "have", "has", "our", "out", "get", "one", "more", "make", "time", "what", "here", "home", "free", "http",
            "www", "com", "net", "org", "html", "href", "font", "://", "today", "any", "new", "just", "was", "but");
    private final String r;
    private int i;

    private RequiredLiterals(String regex) {
        this.r = regex;
    }

    static List<String> of(String regex) {
        if (regex.contains("\\Q")) {
            return List.of();
        }
        RequiredLiterals p = new RequiredLiterals(regex);
        Set<String> any = p.alternation();
        return any == null || p.i < regex.length() ? List.of() : List.copyOf(any);
    }

    /** Literals one of which every match contains, or null if none are known. */
    private Set<String> alternation() {
        Set<String> all = new LinkedHashSet<>();
        boolean known = true;
        while (true) {
            Set<String> branch = sequence();
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
        return known && all.size() <= MAX_ALTERNATIVES ? all : null;
    }

    private Set<String> sequence() {
        Set<String> best = null;
        StringBuilder run = new StringBuilder();
        while (i < r.length() && r.charAt(i) != '|' && r.charAt(i) != ')') {
            char c = r.charAt(i);
            boolean escapedPunctuation = c == '\\' && i + 1 < r.length() && !Character.isLetterOrDigit(r.charAt(i + 1));
            if (c == '(') {
                best = better(best, run);
                run.setLength(0);
                best = better(best, group());
            } else if (escapedPunctuation || Character.isLetterOrDigit(c) || " _-@:/=%,;'\"<>!&#~`".indexOf(c) >= 0) {
                i += escapedPunctuation ? 2 : 1;
                char literal = escapedPunctuation ? r.charAt(i - 1) : c;
                char q = i < r.length() ? r.charAt(i) : 0;
                if (q != '?' && q != '*' && q != '{') {
                    run.append(literal);
                }
                if (q == '?' || q == '*' || q == '{' || q == '+') {
                    best = better(best, run);
                    run.setLength(0);
                    skipQuantifier();
                }
            } else {
                best = better(best, run);
                run.setLength(0);
                skipAtom();
            }
        }
        return better(best, run);
    }

    private Set<String> group() {
        i++;
        boolean lookaround = r.startsWith("?=", i) || r.startsWith("?!", i) || r.startsWith("?<=", i) || r.startsWith("?<!", i);
        if (r.startsWith("?", i)) {
            while (i < r.length() && r.charAt(i) != ':' && r.charAt(i) != ')' && !(r.charAt(i) == '>' && r.charAt(i - 1) != '?')) {
                i++;
            }
            if (i < r.length() && r.charAt(i) == ')') {
                i++;
                return null;
            }
            i++;
        }
        Set<String> inner = alternation();
        if (i < r.length() && r.charAt(i) == ')') {
            i++;
        }
        char q = i < r.length() ? r.charAt(i) : 0;
        boolean optional = q == '?' || q == '*' || (q == '{' && r.startsWith("{0", i));
        skipQuantifier();
        return lookaround || optional ? null : inner;
    }

    private void skipAtom() {
        char c = r.charAt(i);
        if (c == '\\') {
            i += 2;
            if (i < r.length() && r.charAt(i) == '{') {
                int close = r.indexOf('}', i);
                i = close < 0 ? r.length() : close + 1;
            }
        } else if (c == '[') {
            i++;
            if (i < r.length() && r.charAt(i) == '^') {
                i++;
            }
            if (i < r.length() && r.charAt(i) == ']') {
                i++;
            }
            while (i < r.length() && r.charAt(i) != ']') {
                i += r.charAt(i) == '\\' ? 2 : 1;
            }
            i++;
        } else {
            i++;
        }
        skipQuantifier();
    }

    private void skipQuantifier() {
        if (i < r.length() && r.charAt(i) == '{') {
            int close = r.indexOf('}', i);
            i = close < 0 ? r.length() : close + 1;
        } else if (i < r.length() && "?*+".indexOf(r.charAt(i)) >= 0) {
            i++;
        }
        if (i < r.length() && (r.charAt(i) == '?' || r.charAt(i) == '+')) {
            i++;
        }
    }

    private static Set<String> better(Set<String> best, CharSequence run) {
        return better(best, run.length() >= MIN ? Set.of(run.toString()) : null);
    }

    private static Set<String> better(Set<String> best, Set<String> candidate) {
        if (candidate == null || candidate.isEmpty() || shortest(candidate) < MIN) {
            return best;
        }
        if (best == null) {
            return candidate;
        }
        return rank(candidate) > rank(best) ? candidate : best;
    }

    /** Longer and fewer literals filter better; very common words hardly filter at all. */
    private static double rank(Set<String> s) {
        double common = s.stream().filter(l -> COMMON.contains(l.toLowerCase(java.util.Locale.ROOT))).count();
        return shortest(s) - 2.0 * (s.size() - 1) - 8.0 * common;
    }

    private static int shortest(Set<String> s) {
        return s.stream().mapToInt(String::length).min().orElse(0);
    }
}
