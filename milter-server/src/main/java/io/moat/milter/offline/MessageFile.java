// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.offline;

import io.moat.milter.session.HeaderField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message read from a file as Postfix would pass it to a milter: an mbox {@code From } line
 * dropped, header fields unfolded into name and value, the body with CRLF line ends.
 */
public record MessageFile(List<HeaderField> headers, byte[] body) {
    public MessageFile {
        headers = List.copyOf(headers);
    }

    public static MessageFile parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int pos = 0;
        if (text.startsWith("From ")) {
            int nl = text.indexOf('\n');
            pos = nl < 0 ? text.length() : nl + 1;
        }
        List<HeaderField> headers = new ArrayList<>();
        StringBuilder current = null;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
            pos = nl < 0 ? text.length() : nl + 1;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append('\n').append(line);
                continue;
            }
            add(headers, current);
            current = new StringBuilder(line);
        }
        add(headers, current);
        return new MessageFile(headers, crlf(text.substring(Math.min(pos, text.length()))));
    }

    private static void add(List<HeaderField> headers, StringBuilder field) {
        if (field == null) {
            return;
        }
        int colon = field.indexOf(":");
        if (colon <= 0) {
            return; // not a header field (a stray line in a broken message): dropped, as Postfix would
        }
        String value = field.substring(colon + 1);
        headers.add(new HeaderField(field.substring(0, colon).strip(), value.startsWith(" ") ? value.substring(1) : value));
    }

    private static byte[] crlf(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() + body.length() / 40);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' && (i == 0 || body.charAt(i - 1) != '\r')) {
                out.write('\r');
            }
            out.write(c);
        }
        return out.toByteArray();
    }
}
