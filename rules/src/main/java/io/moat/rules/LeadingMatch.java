// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import io.moat.rules.lang.StartChars;
import io.moat.rules.message.CandidateSearch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts matches of a pattern whose every match starts with one of a few literals, or with one
 * of a few characters, by trying it anchored ({@link Matcher#lookingAt()}) only where one
 * occurs, as {@link Matcher#find()} would from left to right. Transparent bounds let
 * {@code \b} and lookbehind see the text before the try position; anchoring bounds are off so
 * {@code ^} keeps its meaning.
 */
final class LeadingMatch {
    private LeadingMatch() {
    }

    /**
     * @param searched the text the literals are looked up in (the text lower-cased when the
     *     pattern ignores case), of the same length as the matcher's input
     * @param first where each leading literal first occurs in {@code searched}, -1 if it does not
     */
    static int count(Matcher matcher, String searched, List<String> leading, int[] first, int max) {
        int length = searched.length();
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int[] next = first.clone();
        int n = 0;
        int from = 0;
        while (n < max) {
            int at = -1;
            for (int k = 0; k < next.length; k++) {
                if (next[k] >= 0 && next[k] < from) {
                    next[k] = searched.indexOf(leading.get(k), from);
                }
                if (next[k] >= 0 && (at < 0 || next[k] < at)) {
                    at = next[k];
                }
            }
            if (at < 0) {
                break;
            }
            matcher.region(at, length);
            if (matcher.lookingAt()) {
                n++;
                from = Math.max(matcher.end(), at + 1);
            } else {
                from = at + 1;
            }
        }
        return n;
    }

    /** Counts the matches of a pattern that is not empty and can only start with one of {@code start}. */
    static int count(Pattern pattern, String text, StartChars start, int max) {
        CandidateSearch search = new CandidateSearch(pattern, text, start::next);
        int n = 0;
        while (n < max && search.find()) {
            n++;
        }
        return n;
    }
}
