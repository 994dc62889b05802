// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.List;
import java.util.regex.Pattern;

/** Finds URIs written in plain text: with a scheme, starting with {@code www.}, or mailto. */
final class UriFinder {
    static final Pattern URI = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://|www\\.|mailto:)[^\\s<>\"'()\\[\\]{}]{2,500}");
    /** Every match starts with one of these: only there is the pattern tried. */
    private static final CandidateSearch.Candidates STARTS =
            CandidateSearch.Candidates.prefixes(List.of("http", "ftp:", "www.", "mailto:"));

    private UriFinder() {
    }

    static void find(String text, List<String> out) {
        CandidateSearch m = new CandidateSearch(URI, text, STARTS);
        while (m.find() && out.size() < 1000) {
            String u = m.match().group();
            int end = u.length();
            while (end > 0 && ".,;:!?".indexOf(u.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(u.substring(0, end));
        }
    }
}
