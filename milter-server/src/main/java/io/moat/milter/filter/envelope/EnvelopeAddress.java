// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import java.util.Locale;

/**
 * An envelope address in the form policy compares: angle brackets and surrounding space gone,
 * lower case, and the recipient-delimiter extension removed from the local part
 * ({@code alice+lists@example.org} is {@code alice@example.org} when the delimiter is {@code +}).
 */
public record EnvelopeAddress(String localPart, String domain) {

    public static EnvelopeAddress parse(String raw, String delimiters) {
        String s = raw.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        s = s.toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        String local = at < 0 ? s : s.substring(0, at);
        String domain = at < 0 ? "" : s.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        for (int i = 0; i < delimiters.length(); i++) {
            int d = local.indexOf(delimiters.charAt(i));
            if (d > 0) {
                local = local.substring(0, d);
            }
        }
        return new EnvelopeAddress(local, domain);
    }

    public String address() {
        return domain.isEmpty() ? localPart : localPart + "@" + domain;
    }

    @Override
    public String toString() {
        return address();
    }
}
