// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Whole RFC 5322 messages for the end-to-end tests, each with a unique {@code X-Test-Id} and
 * {@code Message-ID: <ID@e2e.moat.test>} so the sink's copies and the daemon's log lines can be
 * found again: built here, or read from test-corpus/ with those two fields put in.
 */
final class TestMessages {
    static final String SENDER = "sender@outside.example";

    private TestMessages() {
    }

    /** A text/plain message with this body. */
    static String plain(String testId, String to, String body) {
        return headers(testId, to) + "Content-Type: text/plain; charset=us-ascii\n\n" + body + "\n";
    }

    /** A short text part and one base64 attachment. */
    static String withAttachment(String testId, String to, String fileName, String contentType, byte[] content) {
        String boundary = "=_moat_e2e_" + testId;
        return headers(testId, to)
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n"
                + "--" + boundary + "\n"
                + "Content-Type: text/plain; charset=us-ascii\n\nThe file is attached.\n"
                + "--" + boundary + "\n"
                + "Content-Type: " + contentType + "; name=\"" + fileName + "\"\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + base64Lines(content)
                + "--" + boundary + "--\n";
    }

    /**
     * A committed message ({@code path} relative to test-corpus/), with {@code X-Test-Id} added and
     * its Message-ID replaced; the rest is sent as committed (line ends become LF here, CRLF on the wire).
     */
    static String fromCorpus(String testId, String path) {
        String root = System.getProperty("moat.root", "..");
        String text;
        try {
            text = Files.readString(Path.of(root, "test-corpus", path), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = text.indexOf("\n\n");
        String head = text.substring(0, end + 1).lines()
                .filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("message-id:"))
                .collect(Collectors.joining("\n", "", "\n"));
        return "X-Test-Id: " + testId + "\nMessage-ID: <" + Swaks.messageId(testId) + ">\n" + head + text.substring(end + 1);
    }

    /** A zip archive holding one entry. */
    static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Base64 in 76-character lines, as MIME writes it. */
    static String base64Lines(byte[] content) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\n";
    }

    private static String headers(String testId, String to) {
        return "From: Sender <" + SENDER + ">\n"
                + "To: <" + to + ">\n"
                + "Subject: moat e2e " + testId + "\n"
                + "Date: Tue, 24 Nov 2026 01:00:00 +0000\n"
                + "Message-ID: <" + Swaks.messageId(testId) + ">\n"
                + "X-Test-Id: " + testId + "\n"
                + "MIME-Version: 1.0\n";
    }
}
