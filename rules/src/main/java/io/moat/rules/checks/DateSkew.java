// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.checks;

import io.moat.rules.message.Headers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Compares the sender's Date field with the time the receiving side stamped on the newest
 * Received field (the top one, written by our own or the recipient's server, so its clock can be
 * trusted). Mail is written before it is received: a Date hours ahead of its receipt comes from a
 * wrong clock or a forged field, both common in bulk mail. (A Date days behind is not a sign: list
 * archives, resent and delayed mail have it as often as spam.) The comparison is relative to the message itself, never to today, so
 * it judges archived mail the same as live mail.
 */
public final class DateSkew {
    /** Date 3 to 24 hours after the newest Received stamp. */
    public static final String AHEAD = "DATE_AHEAD_3H";
    /** Date more than 24 hours after it. */
    public static final String FAR_AHEAD = "DATE_AHEAD_1D";
    public static final List<String> SYMBOLS = List.of(AHEAD, FAR_AHEAD);

    private static final Duration THREE_HOURS = Duration.ofHours(3);
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private DateSkew() {
    }

    /** The symbol for this message's skew, if it has one. */
    public static Optional<String> check(Headers headers) {
        Optional<MailDate> date = headers.first("Date").flatMap(MailDate::parse);
        Optional<MailDate> received = newestReceived(headers);
        if (date.isEmpty() || received.isEmpty()) {
            return Optional.empty();
        }
        Duration skew = Duration.between(received.get().instant(), date.get().instant());
        Duration slack = date.get().zoned() && received.get().zoned() ? Duration.ZERO : MailDate.UNZONED_SLACK;
        if (skew.compareTo(ONE_DAY.plus(slack)) > 0) {
            return Optional.of(FAR_AHEAD);
        }
        if (skew.compareTo(THREE_HOURS.plus(slack)) > 0) {
            return Optional.of(AHEAD);
        }
        return Optional.empty();
    }

    private static Optional<MailDate> newestReceived(Headers headers) {
        for (String received : headers.all("Received")) {
            int semicolon = received.lastIndexOf(';');
            if (semicolon >= 0) {
                Optional<MailDate> stamp = MailDate.parse(received.substring(semicolon + 1));
                if (stamp.isPresent()) {
                    return stamp;
                }
            }
        }
        return Optional.empty();
    }
}
