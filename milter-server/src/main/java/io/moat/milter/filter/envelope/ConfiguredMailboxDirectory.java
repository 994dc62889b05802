// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import io.moat.milter.session.ReversePath;
import java.util.Optional;
import java.util.Set;

/** The envelope policy of the config file, immutable, behind {@link MailboxDirectory}. */
public final class ConfiguredMailboxDirectory implements MailboxDirectory {
    private final EnvelopePolicy policy;

    public ConfiguredMailboxDirectory(EnvelopePolicy policy) {
        this.policy = policy;
    }

    @Override
    public MailboxStatus mailbox(String recipient) {
        EnvelopeAddress r = EnvelopeAddress.parse(recipient, policy.recipientDelimiter());
        DomainPolicy d = policy.domains().get(r.domain());
        if (d == null || d.mailboxes().isEmpty()) {
            return MailboxStatus.NOT_PROTECTED;
        }
        Optional<Set<String>> boxes = d.mailboxes();
        return boxes.get().contains(r.localPart()) ? MailboxStatus.EXISTS : MailboxStatus.UNKNOWN;
    }

    @Override
    public SenderListing sender(ReversePath sender, String recipient) {
        if (sender.isNull()) {
            return SenderListing.UNLISTED;
        }
        EnvelopeAddress s = EnvelopeAddress.parse(sender.address(), "");
        EnvelopeAddress r = EnvelopeAddress.parse(recipient, policy.recipientDelimiter());
        SenderListing l = policy.mailboxes().getOrDefault(r.address(), SenderLists.EMPTY).match(s, r.address());
        if (!(l instanceof SenderListing.Unlisted)) {
            return l;
        }
        DomainPolicy d = policy.domains().get(r.domain());
        if (d != null) {
            l = d.senders().match(s, r.domain());
            if (!(l instanceof SenderListing.Unlisted)) {
                return l;
            }
        }
        return policy.global().match(s, "global");
    }

    @Override
    public boolean passThrough(String recipient) {
        DomainPolicy d = policy.domains().get(EnvelopeAddress.parse(recipient, policy.recipientDelimiter()).domain());
        return d != null && d.passThrough();
    }
}
