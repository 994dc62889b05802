// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.Locale;

/**
 * The one class every message ends in. Declaration order is precedence: when findings imply
 * several classes, the first wins (a virus that is also spam is a virus).
 */
public enum Classification {
    VIRUS,
    BANNED,
    UNCHECKED,
    SPAM,
    BAD_HEADER,
    OVERSIZED,
    CLEAN;

    /** The name in logs, headers and config: lower case with dashes, e.g. {@code bad-header}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Classification fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The class of higher precedence of the two. */
    public Classification strongest(Classification other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
