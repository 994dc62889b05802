// SPDX-License-Identifier: Apache-2.0
/**
 * Releasing quarantined mail: {@link io.moat.store.release.Releaser} re-injects the original
 * message, marked with its release token, to an SMTP target (by default Postfix's reinjection
 * listener, which runs no milter) through a small SMTP client, then marks it released.
 */
@org.jspecify.annotations.NullMarked
package io.moat.store.release;
