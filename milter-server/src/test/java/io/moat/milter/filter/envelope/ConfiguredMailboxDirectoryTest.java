// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.session.ReversePath;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredMailboxDirectoryTest {
    static final EnvelopePolicy POLICY = new EnvelopePolicy(
            Map.of("example.org", new DomainPolicy("Example.ORG", Optional.of(Set.of("alice", "Bob@example.org", "postmaster")), false,
                            new SenderLists(Set.of("partner.example"), Set.of("spam.example", "mallory@partner.example"))),
                    "open.example", new DomainPolicy("open.example", Optional.empty(), true, SenderLists.EMPTY)),
            Map.of("alice@example.org", new SenderLists(Set.of("friend@spam.example"), Set.of("boss@partner.example"))),
            new SenderLists(Set.of(), Set.of("evil.example")), "+", -20);
    static final MailboxDirectory SOURCE = new ConfiguredMailboxDirectory(POLICY);

    @Test
    void mailboxesOfProtectedDomainExistCaseInsensitivelyAndWithExtensions() {
        assertThat(SOURCE.mailbox("<alice@example.org>")).isEqualTo(MailboxStatus.EXISTS);
        assertThat(SOURCE.mailbox("<BOB@Example.Org>")).isEqualTo(MailboxStatus.EXISTS);
        assertThat(SOURCE.mailbox("<alice+lists@example.org>")).isEqualTo(MailboxStatus.EXISTS);
    }

    @Test
    void otherAddressesOfProtectedDomainAreUnknown() {
        assertThat(SOURCE.mailbox("<carol@example.org>")).isEqualTo(MailboxStatus.UNKNOWN);
    }

    @Test
    void domainsWithoutMailboxListAndOtherDomainsAreNotJudged() {
        assertThat(SOURCE.mailbox("<anyone@open.example>")).isEqualTo(MailboxStatus.NOT_PROTECTED);
        assertThat(SOURCE.mailbox("<anyone@elsewhere.example>")).isEqualTo(MailboxStatus.NOT_PROTECTED);
    }

    @Test
    void domainListsCoverSubdomainsAndAddressEntriesBeatDomainEntries() {
        assertThat(SOURCE.sender(ReversePath.parse("<x@mx.partner.example>"), "<bob@example.org>"))
                .isEqualTo(new SenderListing.Allowed("partner.example", "example.org"));
        assertThat(SOURCE.sender(ReversePath.parse("<Mallory@partner.example>"), "<bob@example.org>"))
                .isEqualTo(new SenderListing.Blocked("mallory@partner.example", "example.org"));
        assertThat(SOURCE.sender(ReversePath.parse("<x@spam.example>"), "<bob@example.org>"))
                .isInstanceOf(SenderListing.Blocked.class);
    }

    @Test
    void mailboxListsBeatDomainListsWhichBeatGlobalLists() {
        assertThat(SOURCE.sender(ReversePath.parse("<friend@spam.example>"), "<alice@example.org>"))
                .isEqualTo(new SenderListing.Allowed("friend@spam.example", "alice@example.org"));
        assertThat(SOURCE.sender(ReversePath.parse("<friend@spam.example>"), "<bob@example.org>"))
                .isInstanceOf(SenderListing.Blocked.class);
        assertThat(SOURCE.sender(ReversePath.parse("<boss@partner.example>"), "<alice+x@example.org>"))
                .isEqualTo(new SenderListing.Blocked("boss@partner.example", "alice@example.org"));
        assertThat(SOURCE.sender(ReversePath.parse("<a@evil.example>"), "<anyone@elsewhere.example>"))
                .isEqualTo(new SenderListing.Blocked("evil.example", "global"));
    }

    @Test
    void nullSenderIsNeverListed() {
        assertThat(SOURCE.sender(ReversePath.NULL, "<bob@example.org>")).isEqualTo(SenderListing.UNLISTED);
    }

    @Test
    void passThroughIsPerDomain() {
        assertThat(SOURCE.passThrough("<x@open.example>")).isTrue();
        assertThat(SOURCE.passThrough("<alice@example.org>")).isFalse();
        assertThat(SOURCE.passThrough("<x@elsewhere.example>")).isFalse();
    }
}
