// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.Locale;

/** What policy may ask for a class of message. */
public enum Action {
    DELIVER,
    /** Deliver with SpamAssassin-compatible X-Spam-* headers and the optional subject tag. */
    TAG,
    QUARANTINE,
    REJECT,
    TEMPFAIL,
    DROP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
