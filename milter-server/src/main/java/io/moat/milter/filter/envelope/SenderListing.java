// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

/** How a recipient's policy treats a sender: the entry that matched and whose list it is. */
public sealed interface SenderListing {
    record Allowed(String entry, String scope) implements SenderListing {
    }

    record Blocked(String entry, String scope) implements SenderListing {
    }

    record Unlisted() implements SenderListing {
    }

    Unlisted UNLISTED = new Unlisted();
}
