// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.filter.envelope.MailboxDirectory;
import io.moat.milter.filter.envelope.MailboxStatus;
import io.moat.milter.filter.envelope.SenderListing;
import io.moat.milter.session.ReversePath;
import io.moat.store.Actor;
import io.moat.store.Domain;
import io.moat.store.Mailbox;
import io.moat.store.PolicyKey;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI puts in the store decides recipients and senders at RCPT, over the config file. */
class StoreMailboxDirectoryTest {
    private static final Actor ADMIN = new Actor("admin", "localhost");

    @TempDir
    Path dir;

    private Store store;

    /** The config file's answer for everything the store does not know. */
    private final MailboxDirectory config = new MailboxDirectory() {
        @Override
        public MailboxStatus mailbox(String recipient) {
            return recipient.contains("config-known") ? MailboxStatus.EXISTS : MailboxStatus.NOT_PROTECTED;
        }

        @Override
        public SenderListing sender(ReversePath sender, String recipient) {
            return SenderListing.UNLISTED;
        }

        @Override
        public boolean passThrough(String recipient) {
            return recipient.contains("@lists.config.example");
        }
    };

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC());
        store.domains().put(Domain.named("example.org"), ADMIN);
        store.domains().put(new Domain("lists.example.org", null, true, null), ADMIN);
        store.domains().put(Domain.named("open.example.org"), ADMIN);
        store.mailboxes().put(new Mailbox("alice@example.org", "Alice"), ADMIN);
        store.policies().set("example.org", PolicyKey.SENDERS_BLOCK, "*@spam.example", ADMIN);
        store.policies().set("alice@example.org", PolicyKey.SENDERS_ALLOW, "boss@partner.example", ADMIN);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoreMailboxDirectory directory() {
        return new StoreMailboxDirectory(store, config, "+", Duration.ofSeconds(5));
    }

    @Test
    void mailboxesOfAStoreDomainAreKnownOthersRefused() {
        StoreMailboxDirectory d = directory();
        assertThat(d.mailbox("<alice@example.org>")).isEqualTo(MailboxStatus.EXISTS);
        assertThat(d.mailbox("<Alice+news@Example.org>")).isEqualTo(MailboxStatus.EXISTS);
        assertThat(d.mailbox("<bob@example.org>")).isEqualTo(MailboxStatus.UNKNOWN);
    }

    @Test
    void storeDomainWithoutMailboxesIsNotVerifiedAndUnknownDomainsGoToTheConfigFile() {
        StoreMailboxDirectory d = directory();
        assertThat(d.mailbox("<anyone@open.example.org>")).isEqualTo(MailboxStatus.NOT_PROTECTED);
        assertThat(d.mailbox("<config-known@elsewhere.example>")).isEqualTo(MailboxStatus.EXISTS);
    }

    @Test
    void senderListsFromStorePolicyMailboxOverDomain() {
        StoreMailboxDirectory d = directory();
        assertThat(d.sender(ReversePath.parse("<x@spam.example>"), "<bob@example.org>"))
                .isEqualTo(new SenderListing.Blocked("spam.example", "store"));
        assertThat(d.sender(ReversePath.parse("<boss@partner.example>"), "<alice@example.org>"))
                .isEqualTo(new SenderListing.Allowed("boss@partner.example", "store"));
        assertThat(d.sender(ReversePath.parse("<friend@else.example>"), "<alice@example.org>"))
                .isEqualTo(SenderListing.UNLISTED);
        assertThat(d.sender(ReversePath.NULL, "<alice@example.org>")).isEqualTo(SenderListing.UNLISTED);
    }

    @Test
    void senderListsAreReadOncePerCacheLifetimeNotPerMessage() {
        StoreMailboxDirectory d = directory();
        ReversePath spammer = ReversePath.parse("<x@spam.example>");
        assertThat(d.sender(spammer, "<bob@example.org>")).isEqualTo(new SenderListing.Blocked("spam.example", "store"));
        store.policies().unset("example.org", PolicyKey.SENDERS_BLOCK, ADMIN);
        assertThat(d.sender(spammer, "<bob@example.org>")).isEqualTo(new SenderListing.Blocked("spam.example", "store"));
        assertThat(directory().sender(spammer, "<bob@example.org>")).isEqualTo(SenderListing.UNLISTED);
    }

    @Test
    void passThroughComesFromTheStoreDomainElseTheConfigFile() {
        StoreMailboxDirectory d = directory();
        assertThat(d.passThrough("<x@lists.example.org>")).isTrue();
        assertThat(d.passThrough("<x@example.org>")).isFalse();
        assertThat(d.passThrough("<x@lists.config.example>")).isTrue();
    }

    @Test
    void anUnreadableStoreNeverRefusesMail() {
        StoreMailboxDirectory d = directory();
        store.close();
        assertThat(d.mailbox("<bob@example.org>")).isEqualTo(MailboxStatus.NOT_PROTECTED);
        assertThat(d.sender(ReversePath.parse("<x@spam.example>"), "<bob@example.org>")).isEqualTo(SenderListing.UNLISTED);
    }
}
