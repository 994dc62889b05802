// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.checks;

import io.moat.rules.message.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Compares the sender's Date field with the time the message was received. Mail is written before
 * it is received: a Date hours ahead of its receipt comes from a wrong clock or a forged field,
 * both common in bulk mail. (A Date days behind is not a sign: list archives, resent and delayed
 * mail have it as often as spam.)
 *
 * <p>The time of receipt is the receiving side's own clock, never the sender's word:
 * <ul>
 *   <li>while the message is being received ({@link #check(Headers, Instant)}, the milter at end of
 *       message), it is now. Postfix does not show a milter the Received field it writes itself,
 *       so the top Received field Moat sees was written by the previous hop, which for mail sent
 *       straight to the MX is the sender's own machine;</li>
 *   <li>for a stored message ({@link #check(Headers)}: a corpus, {@code moat scan}), it is the stamp
 *       on the newest Received field, written by the server that received it.</li>
 * </ul>
 * Either way the comparison is with the message's own receipt, never with today, so archived mail
 * is judged as it was when it arrived.
 */
public final class DateSkew {
    /** Date 3 to 24 hours after the message's receipt. */
    public static final String AHEAD = "DATE_AHEAD_3H";
    /** Date more than 24 hours after it. */
    public static final String FAR_AHEAD = "DATE_AHEAD_1D";
    public static final List<String> SYMBOLS = List.of(AHEAD, FAR_AHEAD);

    private static final Duration THREE_HOURS = Duration.ofHours(3);
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private DateSkew() {
    }

    /** The symbol for a stored message's skew against its newest Received stamp, if it has one. */
    public static Optional<String> check(Headers headers) {
        return skew(headers, newestReceived(headers));
    }

    /** The symbol for the skew of a message being received at {@code receivedAt}, if it has one. */
    public static Optional<String> check(Headers headers, Instant receivedAt) {
        return skew(headers, Optional.of(new MailDate(receivedAt, true)));
    }

    private static Optional<String> skew(Headers headers, Optional<MailDate> received) {
        Optional<MailDate> date = headers.first("Date").flatMap(MailDate::parse);
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
