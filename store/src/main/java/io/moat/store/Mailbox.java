// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox of a protected domain: mail to addresses that are not mailboxes of a protected domain
 * is rejected at RCPT.
 *
 * @param address the address, lower case
 * @param name a display name, if any
 */
public record Mailbox(String address, @Nullable String name) {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>(),;:\"\\[\\]]{1,64}@[a-z0-9.-]{1,253}");

    public Mailbox {
        address = address.trim().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(address).matches() || address.endsWith(".") || address.contains("@.")) {
            throw new IllegalArgumentException("not a mail address: '" + address + "'");
        }
        if (name != null && name.isBlank()) {
            name = null;
        }
    }

    /** The part after the {@code @}. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }
}
