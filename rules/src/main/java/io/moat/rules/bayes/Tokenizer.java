// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import io.moat.rules.message.Message;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns a parsed message into the distinct features the classifier counts: body words and
 * adjacent word pairs, header-tagged tokens ({@link HeaderTokens}), URL parts
 * ({@link UriTokens}), HTML markup ({@link HtmlTokens}) and the MIME shape. Tokens are capped in length and number, so the cost per
 * message is bounded.
 */
public final class Tokenizer {
    static final int MAX_TOKEN = 60;
    private static final int MAX_WORDS = 2500;
    private static final int MAX_TOKENS = 6000;
    private static final String LEAD = "\"'([{<*#|`~,.:;";
    private static final String TRAIL = ".,;:!?\"')]}>*|`~";

    /** The distinct tokens of {@code message}. */
    public Set<String> tokens(Message message) {
        Set<String> out = new LinkedHashSet<>(512);
        HeaderTokens.add(message, out);
        UriTokens.add(message.uris(), out);
        ShapeTokens.add(message, out);
        HtmlTokens.add(message.rawBody(), out);
        body(message.bodyText(), out);
        return out;
    }

    private static void body(String text, Set<String> out) {
        String prev = null;
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n && words < MAX_WORDS && out.size() < MAX_TOKENS) {
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            String word = word(text, i, end, out);
            i = end + 1;
            words++;
            if (word != null && prev != null) {
                out.add(prev + ' ' + word);
            }
            prev = word;
        }
    }

    /** Adds the token(s) for one word; returns the word if it may start or end a pair. */
    private static String word(String text, int start, int end, Set<String> out) {
        while (start < end && LEAD.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRAIL.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        int len = end - start;
        if (len == 0) {
            return null;
        }
        String w = text.substring(start, end);
        if (w.contains("://") || w.startsWith("www.")) {
            return null;
        }
        int at = w.indexOf('@');
        if (at > 0 && w.indexOf('.', at) > 0) {
            out.add("email:" + w.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
            return null;
        }
        if (len > 18) {
            out.add("skip:" + Character.toLowerCase(w.charAt(0)) + (len / 10 * 10));
            return null;
        }
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        if (len < 3 && lower.indexOf('$') < 0) {
            return lower.isEmpty() || !Character.isLetterOrDigit(lower.charAt(0)) ? null : lower;
        }
        out.add(lower);
        if (len >= 4 && isAllCaps(w)) {
            out.add("caps:" + lower);
        }
        return lower;
    }

    private static boolean isAllCaps(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isUpperCase(c);
        }
        return letter;
    }

    static String cap(String token) {
        return token.length() <= MAX_TOKEN ? token : token.substring(0, MAX_TOKEN);
    }
}
