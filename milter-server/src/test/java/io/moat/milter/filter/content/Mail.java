// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.session.HeaderField;
import io.moat.milter.session.MessageContent;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test messages (multipart with attachments) and turns message bytes into a transaction. */
public final class Mail {
    private final List<String> parts = new ArrayList<>();
    private String subject = "test";

    public static Mail multipart() {
        return new Mail();
    }

    public Mail subject(String s) {
        subject = s;
        return this;
    }

    public Mail text(String text) {
        parts.add("Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n");
        return this;
    }

    public Mail html(String html) {
        parts.add("Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n");
        return this;
    }

    public Mail raw(String part) {
        parts.add(part);
        return this;
    }

    public Mail attach(String type, String filename, byte[] content) {
        parts.add("Content-Type: " + type + "; name=\"" + filename + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\r\n");
        return this;
    }

    public Mail attachQuotedPrintable(String type, String filename, String content) {
        return attachQuotedPrintable(type, filename, content, false);
    }

    /** With {@code encodeAll} every byte is written as {@code =XX}: valid, and nothing left readable. */
    public Mail attachQuotedPrintable(String type, String filename, String content, boolean encodeAll) {
        parts.add("Content-Type: " + type + "; name=\"" + filename + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + quotedPrintable(content, encodeAll) + "\r\n");
        return this;
    }

    public byte[] build() {
        String boundary = "=_moat_" + parts.size() + "_b";
        StringBuilder b = new StringBuilder();
        b.append("From: alice@example.org\r\nTo: bob@example.net\r\nSubject: ").append(subject).append("\r\n")
                .append("Date: Tue, 24 Nov 2026 01:00:00 +0000\r\nMessage-ID: <t@example.org>\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
                .append("This is a multi-part message in MIME format.\r\n");
        for (String p : parts) {
            b.append("--").append(boundary).append("\r\n").append(p);
        }
        b.append("--").append(boundary).append("--\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every byte that is not printable ASCII encoded, and the lines soft-broken at 76. */
    static String quotedPrintable(String s, boolean encodeAll) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (byte by : s.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = by & 0xff;
            String enc = (!encodeAll && c >= 33 && c <= 126 && c != '=') ? String.valueOf((char) c) : String.format("=%02X", c);
            if (col + enc.length() > 75) {
                out.append("=\r\n");
                col = 0;
            }
            out.append(enc);
            col += enc.length();
        }
        return out.toString();
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A harmless stand-in for a Windows program: the DOS and PE headers, no code. */
    public static byte[] windowsExecutable() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = 0x40;
        b[0x40] = 'P';
        b[0x41] = 'E';
        b[0x44] = 0x4c;
        b[0x45] = 0x01;
        return b;
    }

    /** Message bytes (headers, blank line, body) as the engine would hold them. */
    public static Transaction transaction(byte[] message, Path spool) throws IOException {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        if (text.startsWith("From ")) {
            text = text.substring(text.indexOf('\n') + 1);
        }
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
        int bodyStart = end < 0 ? text.length() : end + (end == crlf ? 4 : 2);
        String head = end < 0 ? text : text.substring(0, end);
        Transaction t = new Transaction(Instant.EPOCH, ReversePath.parse("<alice@example.org>"), List.of(),
                new MessageContent(64 * 1024, spool));
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : head.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append('\n').append(line);
            } else if (line.indexOf(':') > 0) {
                if (name != null) {
                    t.addHeader(new HeaderField(name, value.toString()));
                }
                name = line.substring(0, line.indexOf(':'));
                value = new StringBuilder(line.substring(line.indexOf(':') + 1).stripLeading());
            }
        }
        if (name != null) {
            t.addHeader(new HeaderField(name, value.toString()));
        }
        t.appendBody(text.substring(bodyStart).getBytes(StandardCharsets.ISO_8859_1));
        return t;
    }
}
