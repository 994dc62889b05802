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
    /** Whether each Latin-1 character is white space to {@link #fold}. */
    private static final boolean[] LATIN1_SPACE = new boolean[256];

    static {
        for (char c = 0; c < LATIN1_SPACE.length; c++) {
            LATIN1_SPACE[c] = Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }

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
        int length = Math.min(raw.length, MAX_BYTES);
        int start = 0;
        if (startsWithFromLine(raw, length)) {
            start = length;
            for (int i = 0; i < length; i++) {
                if (raw[i] == '\n') {
                    start = i + 1;
                    break;
                }
            }
        }
        // One pass: CRLF to LF, then any CR left to LF (what replace("\r\n", "\n").replace('\r', '\n') gives).
        byte[] out = new byte[length - start];
        int n = 0;
        for (int i = start; i < length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                out[n++] = '\n';
                if (i + 1 < length && raw[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWithFromLine(byte[] raw, int length) {
        return length >= 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ';
    }

    /** Folds every run of white space into one space and trims. */
    static String fold(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (isSpace(s.charAt(i))) {
                if (run < i) {
                    out.append(s, run, i);
                    space = false;
                }
                if (!space) {
                    out.append(' ');
                    space = true;
                }
                run = i + 1;
            }
        }
        if (run < n) {
            out.append(s, run, n);
            space = false;
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    /** Latin-1 answers from a table built from the same two tests, the rest asked directly. */
    private static boolean isSpace(char c) {
        return c < LATIN1_SPACE.length ? LATIN1_SPACE[c] : Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
