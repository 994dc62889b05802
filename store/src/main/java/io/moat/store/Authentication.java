// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

/** The outcome of checking a user's password. */
public sealed interface Authentication {
    /** The password is right. */
    record Granted(User user) implements Authentication { }

    /** The password is right but was set by a reset: the user must choose a new one first. */
    record MustChangePassword(User user) implements Authentication { }

    /** Unknown user or wrong password (which one is not told). */
    record Denied() implements Authentication { }
}
