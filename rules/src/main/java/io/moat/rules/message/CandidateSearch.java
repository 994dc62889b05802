// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a pattern, found as {@link Matcher#find()} finds them, but tried only at the
 * positions a cheap {@link Candidates} test lets through: the regex engine otherwise tries every
 * position of the text, which costs most of a URL scan. Each try is an anchored match at that
 * position with transparent bounds, so {@code \b} and look-behind see the text before it exactly
 * as {@code find()} would. The results are the same matches in the same order provided every
 * position where a match can start is a candidate. Not thread-safe: one per scan.
 */
public final class CandidateSearch {
    /** Where matches may start; must never skip a position where one can. */
    @FunctionalInterface
    public interface Candidates {
        /** The first candidate position at or after {@code from}, or -1 when there is none. */
        int next(String text, int from);

        /**
         * Positions where one of {@code prefixes} starts, ASCII case ignored: right for a pattern
         * whose every match starts with one of them (a case-insensitive literal is ASCII-only
         * without {@code UNICODE_CASE}).
         */
        static Candidates prefixes(List<String> prefixes) {
            List<String> lower = prefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
            boolean[] first = new boolean[128];
            for (String p : lower) {
                char c = p.charAt(0);
                first[Character.toLowerCase(c)] = true;
                first[Character.toUpperCase(c)] = true;
            }
            return (text, from) -> {
                for (int i = from; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c < 128 && first[c] && startsWithAny(text, i, lower)) {
                        return i;
                    }
                }
                return -1;
            };
        }
    }

    private final Matcher matcher;
    private final String text;
    private final Candidates candidates;
    private int from;

    public CandidateSearch(Pattern pattern, String text, Candidates candidates) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.text = text;
        this.candidates = candidates;
    }

    /** Moves to the next match, like {@link Matcher#find()}; its groups are then read from {@link #match()}. */
    public boolean find() {
        int n = text.length();
        while (from <= n) {
            int at = candidates.next(text, from);
            if (at < 0) {
                from = n + 1;
                return false;
            }
            matcher.region(at, n);
            if (matcher.lookingAt()) {
                from = matcher.end() > at ? matcher.end() : at + 1;
                return true;
            }
            from = at + 1;
        }
        return false;
    }

    /** The matcher holding the last match found. */
    public Matcher match() {
        return matcher;
    }

    private static boolean startsWithAny(String text, int at, List<String> prefixes) {
        for (String p : prefixes) {
            if (startsWith(text, at, p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code prefix} (lower case) is at {@code at}, ASCII case ignored. */
    private static boolean startsWith(String text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char c = text.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
