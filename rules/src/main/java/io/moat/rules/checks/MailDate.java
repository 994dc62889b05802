// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.checks;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date-time of a Date field or the end of a Received field (RFC 5322 section 3.3),
 * leniently: optional day name and seconds, two-digit years, numeric offsets and the obsolete
 * North American zone names. A time with no zone, or a zone we cannot place, is read as UTC and
 * marked unzoned: it is then only good to within about 14 hours either way.
 *
 * @param instant the moment named
 * @param zoned whether the text placed it in a known zone
 */
public record MailDate(Instant instant, boolean zoned) {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Za-z]{1,3}\\b)?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("UTC", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));

    /** How far an unzoned time may be from the moment meant. */
    public static final Duration UNZONED_SLACK = Duration.ofHours(14);

    /** The first date-time found in {@code text}. */
    public static Optional<MailDate> parse(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        Integer month = MONTHS.get(m.group(2).toLowerCase(java.util.Locale.ROOT));
        Optional<ZoneOffset> zone = zone(m.group(7));
        if (month == null) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            year += 1900;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(new MailDate(local.toInstant(zone.orElse(ZoneOffset.UTC)), zone.isPresent()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneOffset> zone(String z) {
        if (z == null) {
            return Optional.empty();
        }
        if (z.charAt(0) == '+' || z.charAt(0) == '-') {
            int hours = Integer.parseInt(z.substring(1, 3));
            int minutes = Integer.parseInt(z.substring(3, 5));
            if (hours > 18 || minutes > 59) {
                return Optional.empty();
            }
            int seconds = (hours * 3600 + minutes * 60) * (z.charAt(0) == '-' ? -1 : 1);
            return Optional.of(ZoneOffset.ofTotalSeconds(seconds));
        }
        Integer hours = ZONES.get(z.toUpperCase(java.util.Locale.ROOT));
        return hours == null ? Optional.empty() : Optional.of(ZoneOffset.ofHours(hours));
    }
}
