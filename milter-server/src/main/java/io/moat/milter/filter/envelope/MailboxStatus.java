// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

/** What the mailbox directory knows of a recipient address. */
public enum MailboxStatus {
    /** A mailbox of a protected domain. */
    EXISTS,
    /** An address of a protected domain with a mailbox list, not on it: refused with 550 5.1.1. */
    UNKNOWN,
    /** Not a domain whose mailboxes Moat knows: the next hop decides. */
    NOT_PROTECTED
}
