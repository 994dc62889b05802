// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.moat.milter.filter.envelope.EnvelopeAddress;
import io.moat.milter.filter.envelope.MailboxDirectory;
import io.moat.milter.filter.envelope.MailboxStatus;
import io.moat.milter.filter.envelope.SenderListing;
import io.moat.milter.filter.envelope.SenderLists;
import io.moat.milter.session.ReversePath;
import io.moat.store.Domain;
import io.moat.store.PolicyKey;
import io.moat.store.Store;
import java.time.Duration;
import java.util.Set;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domains, mailboxes and sender lists from the store (what {@code moat domain}, {@code moat
 * mailbox} and {@code moat policy set ... senders.allow|senders.block} change), over the config
 * file's envelope section. A domain the store knows is judged by the store; any other by the config
 * file. Reads are cached for a few seconds, so a CLI change takes effect within seconds. When the
 * store cannot be read the config file decides and a warning is logged: an outage never refuses mail.
 */
public final class StoreMailboxDirectory implements MailboxDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMailboxDirectory.class);

    private final Store store;
    private final MailboxDirectory fallback;
    private final String delimiters;
    private final LoadingCache<String, Optional<Domain>> domains;
    private final LoadingCache<String, Long> mailboxCounts;
    private final LoadingCache<String, Boolean> mailboxes;
    private final LoadingCache<String, SenderLists> senderLists;

    public StoreMailboxDirectory(Store store, MailboxDirectory fallback, String delimiters, Duration ttl) {
        this.store = store;
        this.fallback = fallback;
        this.delimiters = delimiters;
        this.domains = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build(d -> store.domains().find(d));
        this.mailboxCounts = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build(d -> store.mailboxes().count(d));
        this.mailboxes = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(ttl)
                .build(a -> store.mailboxes().find(a).isPresent());
        // Cached like the rest: read per message, these were two store reads for every RCPT.
        this.senderLists = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(ttl).build(this::loadSenderLists);
    }

    @Override
    public MailboxStatus mailbox(String recipient) {
        EnvelopeAddress a = EnvelopeAddress.parse(recipient, delimiters);
        try {
            if (domains.get(a.domain()).isEmpty()) {
                return fallback.mailbox(recipient);
            }
            if (mailboxCounts.get(a.domain()) == 0) {
                return MailboxStatus.NOT_PROTECTED;
            }
            return mailboxes.get(a.address()) ? MailboxStatus.EXISTS : MailboxStatus.UNKNOWN;
        } catch (RuntimeException e) {
            LOG.warn("mailbox lookup for {} failed, using the config file: {}", a, e.toString());
            return fallback.mailbox(recipient);
        }
    }

    @Override
    public SenderListing sender(ReversePath sender, String recipient) {
        if (!sender.isNull()) {
            try {
                SenderLists lists = senderLists.get(EnvelopeAddress.parse(recipient, delimiters).address());
                SenderListing listing = lists.match(EnvelopeAddress.parse(sender.address(), ""), "store");
                if (!(listing instanceof SenderListing.Unlisted)) {
                    return listing;
                }
            } catch (RuntimeException e) {
                LOG.warn("sender lists for {} unreadable, using the config file: {}", recipient, e.toString());
            }
        }
        return fallback.sender(sender, recipient);
    }

    private SenderLists loadSenderLists(String address) {
        var policy = store.policies().effective(address);
        return new SenderLists(Set.copyOf(policy.list(PolicyKey.SENDERS_ALLOW)),
                Set.copyOf(policy.list(PolicyKey.SENDERS_BLOCK)));
    }

    @Override
    public boolean passThrough(String recipient) {
        EnvelopeAddress a = EnvelopeAddress.parse(recipient, delimiters);
        try {
            Optional<Domain> d = domains.get(a.domain());
            return d.isPresent() ? d.get().passThrough() : fallback.passThrough(recipient);
        } catch (RuntimeException e) {
            return fallback.passThrough(recipient);
        }
    }
}
