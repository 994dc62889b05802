// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Locale;

/** What a policy does with a message of a given class. */
public enum PolicyAction {
    DELIVER,
    TAG,
    QUARANTINE,
    REJECT,
    DROP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PolicyAction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown action '" + text + "' (deliver, tag, quarantine, reject, drop)", e);
        }
    }
}
