// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Objects;

/**
 * Who makes an administrative change and from which host: written to the audit trail with every
 * change.
 *
 * @param name the admin user (or the operating-system user running the CLI)
 * @param host the host the change was made from
 */
public record Actor(String name, String host) {
    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        if (name.isBlank()) {
            throw new IllegalArgumentException("actor name is blank");
        }
    }
}
