// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Locale;

/** What the filtering layers concluded about a message, as stored and searched. */
public enum Classification {
    CLEAN,
    SPAM,
    VIRUS,
    BANNED,
    BAD_HEADER,
    OVERSIZED,
    UNCHECKED;

    /** The name used in the CLI, JSON and the database: {@code bad-header}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a label or enum name, case-insensitively ({@code bad-header}, {@code BAD_HEADER}). */
    public static Classification parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown classification '" + text + "'", e);
        }
    }
}
