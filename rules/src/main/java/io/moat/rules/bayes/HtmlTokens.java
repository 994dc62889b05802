// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens of HTML markup, which says a lot about who made a message: tag names and the values of
 * presentational attributes ({@code tag:font}, {@code attr:color=#ff0000}).
 */
final class HtmlTokens {
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]{0,10})\\b([^<>]{0,300})>");
    private static final Pattern ATTR = Pattern.compile(
            "\\b(color|bgcolor|size|face|align|border|width|height|cellpadding|cellspacing)\\s*=\\s*[\"']?([^\"'\\s>]{1,30})",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_TAGS = 400;

    private HtmlTokens() {
    }

    static void add(String rawBody, Set<String> out) {
        if (rawBody.indexOf('<') < 0) {
            return;
        }
        Matcher tag = TAG.matcher(rawBody);
        int n = 0;
        while (tag.find() && n++ < MAX_TAGS) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            out.add("tag:" + name);
            if (!tag.group(2).isBlank()) {
                Matcher attr = ATTR.matcher(tag.group(2));
                while (attr.find()) {
                    out.add(Tokenizer.cap("attr:" + attr.group(1).toLowerCase(Locale.ROOT) + "="
                            + attr.group(2).toLowerCase(Locale.ROOT)));
                }
            }
        }
    }
}
