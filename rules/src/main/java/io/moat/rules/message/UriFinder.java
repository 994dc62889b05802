// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds URIs written in plain text: with a scheme, starting with {@code www.}, or mailto. */
final class UriFinder {
    private static final Pattern URI = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://|www\\.|mailto:)[^\\s<>\"'()\\[\\]{}]{2,500}");

    private UriFinder() {
    }

    static void find(CharSequence text, List<String> out) {
        Matcher m = URI.matcher(text);
        while (m.find() && out.size() < 1000) {
            String u = m.group();
            int end = u.length();
            while (end > 0 && ".,;:!?".indexOf(u.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(u.substring(0, end));
        }
    }
}
