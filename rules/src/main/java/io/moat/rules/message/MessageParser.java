// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses a message from its bytes (RFC 5322 + MIME, with or without a leading mbox
 * {@code From } line). Never throws: input it cannot read becomes a message whose body is the
 * raw text, with the reason in {@link Message#defects()}.
 */
public final class MessageParser {
    /** Bytes beyond this are not read (scoring the first megabytes is enough). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private MessageParser() {
    }

    public static Message parse(byte[] raw) {
        String text = normalise(raw);
        try {
            return MimeWalker.walk(text);
        } catch (RuntimeException | StackOverflowError e) {
            String reason = "unreadable message: " + e.getClass().getSimpleName();
            return new Message(Headers.EMPTY, "", text, fold(text), text, List.of(), List.of(), List.of(reason));
        }
    }

    /** Bytes to text one-for-one (ISO-8859-1), mbox line dropped, CRLF to LF, size capped. */
    static String normalise(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, MAX_BYTES), StandardCharsets.ISO_8859_1);
        if (text.startsWith("From ")) {
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl + 1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Folds every run of white space into one space and trims. */
    static String fold(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }
}
