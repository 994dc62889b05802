// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Locale;

/** A user's role: an admin manages everything in their domains, a mailbox user their own quarantine. */
public enum Role {
    ADMIN,
    MAILBOX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (admin, mailbox)", e);
        }
    }
}
