// SPDX-License-Identifier: Apache-2.0
/**
 * Passwords: Argon2id hashing (Bouncy Castle) in the PHC string format, and random passwords for
 * new users and resets. Nothing here logs or keeps a password.
 */
@org.jspecify.annotations.NullMarked
package io.moat.store.password;
