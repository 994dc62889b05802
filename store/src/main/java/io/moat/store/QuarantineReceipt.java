// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

/**
 * The answer to a quarantine write: the message is committed under {@code id}.
 *
 * @param id the quarantine id operators use ({@code moat quarantine show ID})
 * @param alreadyStored true when the same message key was stored before (a retried message)
 */
public record QuarantineReceipt(long id, boolean alreadyStored) {
}
