// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import io.moat.milter.session.ReversePath;

/**
 * Where envelope policy comes from: the config file now ({@link ConfiguredMailboxDirectory}), the
 * store later. Addresses are passed as the MTA gave them (angle brackets allowed); implementations
 * compare them case-insensitively. Calls are made on connection threads and must be thread-safe.
 */
public interface MailboxDirectory {
    /** Whether the recipient is a mailbox of a protected domain, an unknown address of one, or not ours to judge. */
    MailboxStatus mailbox(String recipient);

    /** How the recipient's lists (mailbox, then domain, then global) treat this sender. */
    SenderListing sender(ReversePath sender, String recipient);

    /** Whether the recipient's domain has content filtering off; only connection-level checks apply. */
    boolean passThrough(String recipient);
}
