// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.session.HeaderField;
import io.moat.milter.session.ReversePath;
import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderChecksTest {
    private static final String RECEIVED = "from a.example (a.example [192.0.2.1])\n\tby mx.example.org; Tue, 24 Nov 2026 00:10:00 +0000";

    private static List<String> symbols(String sender, String... nameValue) {
        List<HeaderField> fields = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            fields.add(new HeaderField(nameValue[i], nameValue[i + 1]));
        }
        return HeaderCheckFilter.standard().check(new MessageHeaders(fields, ReversePath.parse(sender)))
                .stream().map(Finding::symbol).toList();
    }

    private static List<String> ordinary(String... more) {
        List<String> all = new ArrayList<>(List.of("Received", RECEIVED, "Date", "Tue, 24 Nov 2026 00:09:58 +0000",
                "Message-ID", "<1@a.example>"));
        all.addAll(List.of(more));
        return symbols("<alice@a.example>", all.toArray(String[]::new));
    }

    @Test
    void ordinaryHeaderHasNoFindings() {
        assertThat(ordinary("From", "Alice <alice@a.example>", "Subject", "hi")).isEmpty();
    }

    @Test
    void missingFromIsBadHeaderButMissingDateAndMessageIdAreModest() {
        assertThat(symbols("<a@a.example>", "Subject", "x")).containsExactly(
                "HDR_MISSING_FROM", "HDR_MISSING_DATE", "HDR_MISSING_MESSAGE_ID");
        assertThat(HeaderSymbol.HDR_MISSING_FROM.implies()).isNotNull();
        assertThat(HeaderSymbol.HDR_MISSING_DATE.implies()).isNull();
        assertThat(HeaderSymbol.HDR_MISSING_MESSAGE_ID.implies()).isNull();
    }

    @Test
    void duplicatedFieldsAreNamed() {
        assertThat(ordinary("From", "a@a.example", "From", "b@a.example", "Subject", "1", "Subject", "2"))
                .containsExactly("HDR_DUPLICATE_FROM", "HDR_DUPLICATE_SINGLE");
    }

    @Test
    void fromWithoutAddressIsMalformed() {
        assertThat(ordinary("From", "Alice")).contains("HDR_FROM_MALFORMED");
        assertThat(ordinary("From", "\"<Karen Duarte\" <karen@a.example")).contains("HDR_FROM_MALFORMED");
        assertThat(ordinary("From", "alice@a.example (Alice, the sender)")).doesNotContain("HDR_FROM_MALFORMED");
        assertThat(ordinary("From", "\"Doe, John\" <\"john doe\"@a.example>")).doesNotContain("HDR_FROM_MALFORMED");
    }

    @Test
    void rawEightBitIsBadHeaderInAddressesAndAWeightInSubject() {
        assertThat(ordinary("From", "J\u00fcrgen <j@a.example>")).contains("HDR_8BIT_RAW_ADDRESS");
        assertThat(ordinary("From", "a@a.example", "Subject", "caf\u00e9")).contains("HDR_8BIT_RAW")
                .doesNotContain("HDR_8BIT_RAW_ADDRESS");
        // "café" in UTF-8, seen one char per byte
        assertThat(ordinary("From", "a@a.example", "Subject", "caf\u00c3\u00a9")).contains("HDR_8BIT_UTF8");
    }

    @Test
    void receivedWithoutDateIsBroken() {
        assertThat(ordinary("From", "a@a.example", "Received", "from x by y")).contains("HDR_RECEIVED_BROKEN");
        assertThat(ordinary("From", "a@a.example", "Received", "from x by y; 22/08/2002 10:25:57")).contains("HDR_RECEIVED_BROKEN");
    }

    @Test
    void malformedDateIsFound() {
        assertThat(symbols("<a@a.example>", "From", "a@a.example", "Date", "Fri, 23 Aug 2002 22:46:34 GMT+1", "Message-ID", "<x@y>"))
                .contains("HDR_DATE_MALFORMED");
        assertThat(DateSyntax.isDate("Thu, 22 Aug 2002 07:36:16 -0400 (EDT)")).isTrue();
        assertThat(DateSyntax.isDate("22 Aug 02 07:36 GMT")).isTrue();
    }

    @Test
    void domainMismatchesCompareOrganisationalDomains() {
        assertThat(ordinary("From", "a@mail.a.example", "Reply-To", "b@a.example")).isEmpty();
        assertThat(ordinary("From", "a@a.example", "Reply-To", "b@elsewhere.example"))
                .containsExactly("HDR_REPLYTO_DOMAIN_MISMATCH");
        assertThat(symbols("<bounce@list.example>", "From", "a@a.example", "Received", RECEIVED,
                "Date", "Tue, 24 Nov 2026 00:09:58 +0000", "Message-ID", "<1@a>")).containsExactly("HDR_FROM_ENVELOPE_MISMATCH");
        assertThat(DomainMismatchCheck.organisational("mail.example.co.uk")).isEqualTo("example.co.uk");
    }

    @Test
    void nullSenderIsNoMismatch() {
        assertThat(symbols("<>", "From", "a@a.example", "Received", RECEIVED, "Date", "Tue, 24 Nov 2026 00:09:58 +0000",
                "Message-ID", "<1@a>")).isEmpty();
    }
}
