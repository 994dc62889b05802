// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A user of the admin surfaces. Never carries the password or its hash.
 *
 * @param name the login name, lower case
 * @param role admin or mailbox
 * @param scopes an admin's domains (empty: all domains), a mailbox user's addresses
 * @param mustChangePassword true after a reset, until the user sets a password
 * @param createdAt when the user was created
 */
public record User(String name, Role role, List<String> scopes, boolean mustChangePassword, Instant createdAt) {
    public User {
        name = name.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 128) {
            throw new IllegalArgumentException("a user name needs 1 to 128 characters");
        }
        Objects.requireNonNull(role, "role");
        scopes = scopes.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        if (role == Role.MAILBOX && scopes.isEmpty()) {
            throw new IllegalArgumentException("a mailbox user needs at least one address");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
