// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import java.util.List;

/**
 * One message ready to be played as Postfix would: header fields as Postfix stores them (the value
 * starts after the colon, folded lines joined with a bare LF), and the body with CRLF line ends and
 * without the blank line that separates it from the header.
 *
 * @param source the corpus file it came from, for the report
 * @param size   the size of the message as it would travel over SMTP (CRLF line ends)
 */
public record SampleMessage(String source, List<Field> fields, byte[] body, int size) {
    public SampleMessage {
        fields = List.copyOf(fields);
    }

    /** One header field; {@code rawValue} is everything after the colon, leading space included. */
    public record Field(String name, String rawValue) {
        /**
         * The value as Postfix sends it: verbatim with SMFIP_HDR_LEADSPC, else without the one space
         * (not tab) that follows the colon, as sendmail does.
         */
        public String value(boolean leadingSpace) {
            return !leadingSpace && rawValue.startsWith(" ") ? rawValue.substring(1) : rawValue;
        }
    }
}
