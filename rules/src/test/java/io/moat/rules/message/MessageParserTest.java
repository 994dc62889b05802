// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageParserTest {
    private static Message parse(String text) {
        return MessageParser.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void mboxFromLineIsSkippedAndHeadersAreRead() {
        Message m = parse("From someone@example.org  Thu Aug 22 13:17:22 2002\nSubject: Hello\nFrom: A <a@example.org>\n\nBody text\n");
        assertThat(m.headers().first("From")).contains("A <a@example.org>");
        assertThat(m.subject()).isEqualTo("Hello");
        assertThat(m.bodyText()).isEqualTo("Hello Body text");
    }

    @Test
    void foldedHeadersAreUnfoldedAndEncodedWordsDecoded() {
        Message m = parse("Subject: =?iso-8859-1?q?Caf=E9_ouvert?=\r\n =?utf-8?B?w6AgbWlkaQ==?=\r\nTo: x@y\r\n\r\nx");
        assertThat(m.subject()).isEqualTo("Café ouvertà midi");
    }

    @Test
    void quotedPrintableAndBase64PartsAreDecodedWithTheirCharset() {
        String msg = """
                Content-Type: multipart/alternative; boundary="XX"

                preamble
                --XX
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Gr=FC=DFe, soft=
                break
                --XX
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: base64

                PGh0bWw+PGJvZHk+PHA+Q2xpY2sgPGEgaHJlZj0iaHR0cDovL2V4YW1wbGUu
                Y29tL29mZmVyIj5oZXJlPC9hPiAmYW1wOyBzYXZlPC9wPjwvYm9keT48L2h0bWw+
                --XX--
                """;
        Message m = parse(msg);
        assertThat(m.bodyText()).contains("Grüße, softbreak").contains("Click here & save");
        assertThat(m.rawBody()).contains("<a href=\"http://example.com/offer\">");
        assertThat(m.uris()).containsExactly("http://example.com/offer");
        assertThat(m.parts()).extracting(MimePart::mediaType).containsExactly("text/plain", "text/html");
        assertThat(m.defects()).isEmpty();
    }

    @Test
    void htmlScriptsStylesAndCommentsAreDropped() {
        Message m = parse("Content-Type: text/html\n\n<style>p{color:red}</style><p>Vi<!-- x -->sible</p><script>var a=1;</script>");
        assertThat(m.bodyText()).isEqualTo("Visible");
    }

    @Test
    void plainTextUrisAreFound() {
        Message m = parse("Subject: s\n\nSee www.example.net/path. Or http://a.example/x?y=1, mailto:me@example.org\n");
        assertThat(m.uris()).containsExactly("www.example.net/path", "http://a.example/x?y=1", "mailto:me@example.org");
    }

    @Test
    void brokenMimeGivesADefinedMessageWithDefects() {
        Message noBoundary = parse("Content-Type: multipart/mixed\n\nsome text");
        assertThat(noBoundary.defects()).contains("multipart without boundary");
        assertThat(noBoundary.bodyText()).contains("some text");

        Message unclosed = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhello\n");
        assertThat(unclosed.defects()).contains("multipart without closing boundary");
        assertThat(unclosed.bodyText()).contains("hello");

        Message badBase64 = parse("Content-Transfer-Encoding: base64\n\n!!!not base64 at all===\n");
        assertThat(badBase64.bodyText()).isNotNull();
    }

    @Test
    void deeplyNestedMultipartsStopAtTheLimit() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            s.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        Message m = parse(s.toString());
        assertThat(m.defects()).contains("MIME nesting or part count over limit");
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[random.nextInt(2000)];
            random.nextBytes(junk);
            if (i % 3 == 0 && junk.length > 60) {
                System.arraycopy("Content-Type: multipart/x; boundary=\"".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 37);
            }
            assertThat(MessageParser.parse(junk)).isNotNull();
        }
    }

    @Test
    void unknownCharsetFallsBackInsteadOfFailing() {
        Message m = parse("Content-Type: text/plain; charset=\"x-made-up-42\"\n\nplain words\n");
        assertThat(m.bodyText()).isEqualTo("plain words");
    }
}
