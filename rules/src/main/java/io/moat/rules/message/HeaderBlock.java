// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.ArrayList;
import java.util.List;

/** Splits an entity into its header block and body and reads the header fields. */
record HeaderBlock(Headers headers, String raw, String body) {
    private static final int MAX_FIELDS = 1000;

    /** Splits {@code entity} (LF line endings) at the first empty line. */
    static HeaderBlock split(String entity) {
        int end;
        int bodyStart;
        if (entity.startsWith("\n")) {
            end = 0;
            bodyStart = 1;
        } else {
            int blank = entity.indexOf("\n\n");
            end = blank < 0 ? entity.length() : blank + 1;
            bodyStart = blank < 0 ? entity.length() : blank + 2;
        }
        String raw = entity.substring(0, end);
        return new HeaderBlock(new Headers(fields(raw)), raw, entity.substring(bodyStart));
    }

    private static List<HeaderField> fields(String raw) {
        List<HeaderField> out = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null && out.size() < MAX_FIELDS) {
                out.add(new HeaderField(name, value.toString().strip()));
            }
            name = null;
            int colon = line.indexOf(':');
            if (colon > 0 && isFieldName(line, colon)) {
                name = line.substring(0, colon).strip();
                value.setLength(0);
                value.append(line, colon + 1, line.length());
            }
        }
        if (name != null && out.size() < MAX_FIELDS) {
            out.add(new HeaderField(name, value.toString().strip()));
        }
        return out;
    }

    private static boolean isFieldName(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= ' ' && !(c == ' ' && i == colon - 1) || c > '~') {
                return false;
            }
        }
        return true;
    }
}
