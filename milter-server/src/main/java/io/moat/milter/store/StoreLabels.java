// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import io.moat.milter.verdict.Classification;
import io.moat.store.Destination;

/** Maps the daemon's names to the store's, by their shared labels. */
final class StoreLabels {
    private StoreLabels() {
    }

    static io.moat.store.Classification classification(Classification c) {
        return io.moat.store.Classification.parse(c.label());
    }

    /** The message-log destination for an action label ({@code deliver}, {@code tag}, ...). */
    static Destination destination(String action) {
        return switch (action) {
            case "deliver" -> Destination.DELIVERED;
            case "tag" -> Destination.TAGGED;
            case "quarantine" -> Destination.QUARANTINED;
            case "reject" -> Destination.REJECTED;
            case "drop" -> Destination.DROPPED;
            default -> Destination.TEMPFAILED;
        };
    }
}
