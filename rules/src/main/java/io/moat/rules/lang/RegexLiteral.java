// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.Optional;

/**
 * A Perl match operator as written in a rule: {@code /body/flags}, {@code m{body}flags},
 * {@code m!body!flags} and the like. {@link #read} finds where it ends on a line.
 *
 * @param body the expression between the delimiters, escaped delimiters unescaped
 * @param flags the modifiers after the closing delimiter
 * @param end the index on the line just after the literal
 */
public record RegexLiteral(String body, String flags, int end) {
    /** Reads the literal starting at {@code start}; empty if it is not one or is unterminated. */
    public static Optional<RegexLiteral> read(String line, int start) {
        int i = start;
        if (i < line.length() && line.charAt(i) == 'm' && i + 1 < line.length() && !Character.isLetterOrDigit(line.charAt(i + 1))
                && !Character.isWhitespace(line.charAt(i + 1))) {
            i++;
        } else if (i >= line.length() || line.charAt(i) != '/') {
            return Optional.empty();
        }
        char open = line.charAt(i);
        char close = closing(open);
        StringBuilder body = new StringBuilder();
        int depth = 0;
        for (int j = i + 1; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\\' && j + 1 < line.length()) {
                char next = line.charAt(j + 1);
                if ((next == close || next == open) && !isRegexMeta(next)) {
                    body.append(next);
                } else {
                    body.append(c).append(next);
                }
                j++;
            } else if (c == close && depth == 0) {
                int k = j + 1;
                while (k < line.length() && Character.isLetter(line.charAt(k))) {
                    k++;
                }
                return Optional.of(new RegexLiteral(body.toString(), line.substring(j + 1, k), k));
            } else {
                if (open != close && c == open) {
                    depth++;
                } else if (open != close && c == close) {
                    depth--;
                }
                body.append(c);
            }
        }
        return Optional.empty();
    }

    private static boolean isRegexMeta(char c) {
        return "{}()[]|.*+?^$".indexOf(c) >= 0;
    }

    private static char closing(char open) {
        return switch (open) {
            case '{' -> '}';
            case '(' -> ')';
            case '[' -> ']';
            case '<' -> '>';
            default -> open;
        };
    }
}
