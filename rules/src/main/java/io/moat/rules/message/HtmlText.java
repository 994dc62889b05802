// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small, forgiving HTML-to-text converter: drops tags, comments, scripts and styles, turns
 * block tags into line breaks, decodes entities and collects link targets ({@code href},
 * {@code src}, {@code action}). Linear in the input; never throws on malformed markup.
 */
public final class HtmlText {
    private static final Set<String> BLOCK = Set.of(
            "br", "p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "td", "blockquote",
            "title", "ul", "ol");

    private HtmlText() {
    }

    /** Appends the text of {@code html} to {@code text} and its link targets to {@code links}. */
    public static void convert(String html, StringBuilder text, List<String> links) {
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                i = tag(html, i, text, links);
            } else if (c == '&') {
                i = Entities.decode(html, i, text);
            } else {
                text.append(c);
                i++;
            }
        }
    }

    private static int tag(String html, int start, StringBuilder text, List<String> links) {
        if (html.startsWith("<!--", start)) {
            int end = html.indexOf("-->", start + 4);
            return end < 0 ? html.length() : end + 3;
        }
        int end = html.indexOf('>', start + 1);
        if (end < 0) {
            text.append('<');
            return start + 1;
        }
        int nameStart = start + 1 + (start + 1 < end && html.charAt(start + 1) == '/' ? 1 : 0);
        int nameEnd = nameStart;
        while (nameEnd < end && Character.isLetterOrDigit(html.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart && nameStart == start + 1) {
            text.append('<');
            return start + 1;
        }
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        if (nameStart == start + 1 && (name.equals("script") || name.equals("style"))) {
            int close = indexOfIgnoreCase(html, "</" + name, end);
            return close < 0 ? html.length() : close;
        }
        if (BLOCK.contains(name)) {
            text.append('\n');
        } else if (!name.isEmpty()) {
            text.append(inlineSeparator(name));
        }
        collectLinks(html.substring(nameEnd, end), links);
        return end + 1;
    }

    private static String inlineSeparator(String name) {
        return name.equals("img") || name.equals("span") || name.equals("font") || name.equals("b")
                || name.equals("i") || name.equals("a") || name.equals("u") ? "" : " ";
    }

    private static void collectLinks(String attributes, List<String> links) {
        String lower = attributes.toLowerCase(Locale.ROOT);
        for (String attr : new String[] {"href", "src", "action"}) {
            int at = lower.indexOf(attr);
            while (at >= 0) {
                int eq = at + attr.length();
                while (eq < lower.length() && lower.charAt(eq) == ' ') {
                    eq++;
                }
                if (eq < lower.length() && lower.charAt(eq) == '=') {
                    String value = attributeValue(attributes, eq + 1);
                    if (!value.isEmpty() && links.size() < 1000) {
                        links.add(value);
                    }
                }
                at = lower.indexOf(attr, at + attr.length());
            }
        }
    }

    private static String attributeValue(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            return "";
        }
        char q = s.charAt(i);
        if (q == '"' || q == '\'') {
            int end = s.indexOf(q, i + 1);
            return s.substring(i + 1, end < 0 ? s.length() : end).trim();
        }
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return s.substring(i, end);
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = from; i <= s.length() - needle.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
