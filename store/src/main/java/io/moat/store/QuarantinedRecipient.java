// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a quarantined message, and whether (when, by whom) it was released to them.
 */
public record QuarantinedRecipient(String address, @Nullable Instant releasedAt, @Nullable String releasedBy) {
    public boolean released() {
        return releasedAt != null;
    }
}
