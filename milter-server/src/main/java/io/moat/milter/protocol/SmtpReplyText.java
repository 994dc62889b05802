// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.regex.Pattern;

/**
 * Validates the text of an {@code SMFIR_REPLYCODE}. Postfix turns a reply that is not 4xx/5xx into
 * "451 4.3.5 Server configuration problem", hangs its SMTP client on CR/LF in the text, and eats a
 * lone {@code %}; this class makes all three impossible.
 */
public final class SmtpReplyText {
    private static final Pattern SHAPE = Pattern.compile("([45])[0-9]{2}( ([245])\\.[0-9]{1,3}\\.[0-9]{1,3})?( .*)?");
    private static final int MAX_LENGTH = 510;

    private SmtpReplyText() {
    }

    /** Builds {@code code enhanced text} with the text made safe (controls removed, % doubled). */
    public static String format(int code, String enhanced, String text) {
        String safe = HeaderText.sanitize(text).replace("%", "%%");
        String reply = code + (enhanced.isEmpty() ? "" : " " + enhanced) + (safe.isEmpty() ? "" : " " + safe);
        if (reply.length() > MAX_LENGTH) {
            reply = reply.substring(0, MAX_LENGTH);
            if (reply.endsWith("%") && !reply.endsWith("%%")) {
                reply = reply.substring(0, reply.length() - 1);
            }
        }
        return validate(reply);
    }

    /** Returns the reply unchanged when it is a valid single-line 4xx/5xx reply, else throws. */
    public static String validate(String reply) {
        HeaderText.requireNoControls(reply, "SMTP reply");
        if (reply.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("SMTP reply longer than " + MAX_LENGTH + " characters");
        }
        var m = SHAPE.matcher(reply);
        if (!m.matches()) {
            throw new IllegalArgumentException("SMTP reply must start with a 4xx or 5xx code: " + HeaderText.printable(reply));
        }
        if (m.group(3) != null && !m.group(3).equals(m.group(1))) {
            throw new IllegalArgumentException("enhanced status class does not match the reply code: " + HeaderText.printable(reply));
        }
        for (int i = 0; i < reply.length(); i++) {
            if (reply.charAt(i) == '%') {
                if (i + 1 < reply.length() && reply.charAt(i + 1) == '%') {
                    i++;
                } else {
                    throw new IllegalArgumentException("lone '%' in SMTP reply (write %%): " + HeaderText.printable(reply));
                }
            }
        }
        return reply;
    }
}
