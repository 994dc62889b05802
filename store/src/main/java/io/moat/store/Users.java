// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.List;
import java.util.Optional;

/**
 * Users and their passwords, kept as salted Argon2id hashes. Passwords never reach the audit
 * trail or a log.
 */
public interface Users {
    List<User> list();

    Optional<User> find(String name);

    /**
     * Creates a user with a random password that must be changed on first use.
     *
     * @return the random password, to hand to the user once
     * @throws StoreException when the name is taken
     */
    String create(String name, Role role, List<String> scopes, Actor actor);

    boolean delete(String name, Actor actor);

    /**
     * Replaces the password with a random one that must be changed on first use.
     *
     * @return the new password
     * @throws StoreException when the user is unknown
     */
    String resetPassword(String name, Actor actor);

    /**
     * Sets a password the user chose (at least 12 characters) and clears the must-change mark.
     *
     * @throws StoreException when the user is unknown or the password too short
     */
    void changePassword(String name, char[] newPassword, Actor actor);

    Authentication authenticate(String name, char[] password);
}
