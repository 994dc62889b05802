// SPDX-License-Identifier: Apache-2.0
/**
 * Envelope policy: which recipients of a protected domain exist, which senders a domain or a
 * mailbox allows or blocks, and which domains are pass-through (content filtering off). The
 * policy comes from a {@link io.moat.milter.filter.envelope.MailboxDirectory}: today the config file,
 * later the store. The filters refuse unknown recipients and blocked senders at RCPT and credit
 * allow-listed senders once all recipients are known.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.filter.envelope;
