// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.Locale;
import java.util.Optional;

/** Reads {@code name=value} parameters of structured fields, forgiving the usual mistakes. */
final class HeaderParameters {
    private HeaderParameters() {
    }

    static Optional<String> find(String fieldValue, String param) {
        String lower = fieldValue.toLowerCase(Locale.ROOT);
        String key = param.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf(key, from);
            if (at < 0) {
                return Optional.empty();
            }
            from = at + key.length();
            boolean startsToken = at == 0 || ";\t \"".indexOf(lower.charAt(at - 1)) >= 0;
            int eq = skipSpace(lower, from);
            if (!startsToken || eq >= lower.length() || lower.charAt(eq) != '=') {
                continue;
            }
            return Optional.of(valueAt(fieldValue, skipSpace(fieldValue, eq + 1)));
        }
    }

    private static String valueAt(String s, int start) {
        if (start < s.length() && s.charAt(start) == '"') {
            int end = s.indexOf('"', start + 1);
            return s.substring(start + 1, end < 0 ? s.length() : end);
        }
        int end = start;
        while (end < s.length() && ";\t \r\n".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(start, end);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
