// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.rules.message.Headers;
import io.moat.rules.message.MessageParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateSkewTest {
    private static Optional<String> skew(String date) {
        return DateSkew.check(headers(date));
    }

    private static Headers headers(String date) {
        String mail = "Received: from relay.example (relay.example [192.0.2.7])\n"
                + "\tby mx.example.org (Postfix) with ESMTP id 42E3016F03;\n\tThu, 26 Sep 2002 12:00:00 +0100 (IST)\n"
                + "Received: from sender.example by relay.example; Wed, 1 Jan 1997 00:00:00 +0000\n"
                + (date == null ? "" : "Date: " + date + "\n")
                + "From: a@example.com\nSubject: hi\n\nbody\n";
        return MessageParser.parse(mail.getBytes(StandardCharsets.US_ASCII)).headers();
    }

    @Test
    void aDateBeforeOrJustAfterTheNewestReceivedStampIsNormal() {
        assertThat(skew("Thu, 26 Sep 2002 10:59:00 +0100")).isEmpty();
        assertThat(skew("Thu, 19 Sep 2002 10:59:00 +0100")).isEmpty();
        assertThat(skew("Thu, 26 Sep 2002 13:30:00 +0100")).isEmpty();
    }

    @Test
    void aDateHoursAheadOfItsReceiptIsFlaggedAndDaysAheadIsFlaggedHarder() {
        assertThat(skew("Thu, 26 Sep 2002 18:00:00 +0100")).contains(DateSkew.AHEAD);
        assertThat(skew("Thu, 26 Sep 2002 10:00:00 -0500")).contains(DateSkew.AHEAD);
        assertThat(skew("Sat, 28 Sep 2002 12:00:00 +0100")).contains(DateSkew.FAR_AHEAD);
    }

    @Test
    void anUnzonedDateNeedsToBeAheadByMoreThanAnyZoneCouldExplain() {
        assertThat(skew("Thu, 26 Sep 2002 23:00:00")).isEmpty();
        assertThat(skew("Wed, 07 Oct 2020 23:01:36 -1900")).contains(DateSkew.FAR_AHEAD);
    }

    @Test
    void whileReceivingTheReceiptIsNowNotTheTopReceivedField() {
        // Two days after the top Received stamp: far ahead of it, but not of the moment we receive it...
        Instant received = Instant.parse("2002-09-28T11:00:00Z");
        assertThat(DateSkew.check(headers("Sat, 28 Sep 2002 12:00:00 +0100"))).contains(DateSkew.FAR_AHEAD);
        assertThat(DateSkew.check(headers("Sat, 28 Sep 2002 12:00:00 +0100"), received)).isEmpty();
        // ...and a Date 5 hours after our clock is ahead, whatever the (forgeable) Received fields say.
        assertThat(DateSkew.check(headers("Thu, 26 Sep 2002 18:00:00 +0100"), Instant.parse("2002-09-26T12:00:00Z")))
                .contains(DateSkew.AHEAD);
        String noReceived = "Date: Sat, 28 Sep 2030 12:00:00 +0100\nFrom: a@example.com\n\nbody\n";
        assertThat(DateSkew.check(MessageParser.parse(noReceived.getBytes(StandardCharsets.US_ASCII)).headers(), received))
                .contains(DateSkew.FAR_AHEAD);
    }

    @Test
    void withoutADateOrAStampedReceivedThereIsNothingToCompare() {
        assertThat(skew(null)).isEmpty();
        String noReceived = "Date: Sat, 28 Sep 2030 12:00:00 +0100\nFrom: a@example.com\n\nbody\n";
        assertThat(DateSkew.check(MessageParser.parse(noReceived.getBytes(StandardCharsets.US_ASCII)).headers())).isEmpty();
    }
}
