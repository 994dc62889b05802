// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Locale;

/** Where a message went for one recipient, as recorded in the message log. */
public enum Destination {
    DELIVERED,
    TAGGED,
    QUARANTINED,
    REJECTED,
    DROPPED,
    TEMPFAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Destination parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown destination '" + text + "'", e);
        }
    }
}
