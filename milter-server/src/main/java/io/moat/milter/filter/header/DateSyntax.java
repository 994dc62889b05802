// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import java.util.regex.Pattern;

/**
 * Whether text is an RFC 5322 date-time, leniently: optional day name, one- or two-digit day,
 * month name, two- or four-digit year, hh:mm with optional seconds, a numeric or obsolete named
 * zone, and an optional trailing comment.
 */
public final class DateSyntax {
    private static final Pattern DATE = Pattern.compile(
            "\\s*((Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\s*,?\\s*)?\\d{1,2}\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
                    + "\\s+(\\d{2}|\\d{4})\\s+\\d{1,2}:\\d{2}(:\\d{2})?(\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?\\s*(\\(.*\\))?\\s*",
            Pattern.CASE_INSENSITIVE);

    private DateSyntax() {
    }

    public static boolean isDate(String text) {
        return DATE.matcher(text.replace('\n', ' ')).matches();
    }
}
