// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailDateTest {
    @Test
    void readsAnRfc5322DateWithANumericZone() {
        assertThat(MailDate.parse("Thu, 26 Sep 2002 12:08:30 +0100"))
                .contains(new MailDate(Instant.parse("2002-09-26T11:08:30Z"), true));
    }

    @Test
    void readsTheStampAtTheEndOfAReceivedFieldWithAZoneComment() {
        assertThat(MailDate.parse(" Tue,  8 Oct 2002 11:02:13 +0100 (IST)"))
                .contains(new MailDate(Instant.parse("2002-10-08T10:02:13Z"), true));
    }

    @Test
    void readsObsoleteZoneNamesTwoDigitYearsAndMissingSeconds() {
        assertThat(MailDate.parse("5 Sep 02 8:36 PDT")).contains(new MailDate(Instant.parse("2002-09-05T15:36:00Z"), true));
    }

    @Test
    void aTimeWithNoZoneOrAnImpossibleOneIsReadAsUtcAndMarkedUnzoned() {
        assertThat(MailDate.parse("Sat, 7 Sep 2002 17:58:28"))
                .contains(new MailDate(Instant.parse("2002-09-07T17:58:28Z"), false));
        assertThat(MailDate.parse("Wed, 07 Oct 2020 23:01:36 -1900"))
                .contains(new MailDate(Instant.parse("2020-10-07T23:01:36Z"), false));
    }

    @Test
    void textWithoutADateOrWithAnImpossibleDayGivesNothing() {
        assertThat(MailDate.parse("tomorrow, probably")).isEmpty();
        assertThat(MailDate.parse("31 Feb 2002 10:00:00 +0000")).isEmpty();
        assertThat(MailDate.parse("3 Foo 2002 10:00:00 +0000")).isEmpty();
    }
}
