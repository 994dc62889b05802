// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass {@link MessageParser#normalise} and the run-copying {@link MessageParser#fold}
 * give exactly what the plain versions they replaced gave (kept here as {@link #plainNormalise}
 * and {@link #plainFold}).
 */
class NormaliseAndFoldTest {
    @Test
    void lineEndingsAndTheMboxLineComeOutAsBefore() {
        for (String s : List.of("", "From ", "From x", "From x\rSubject: a\r\n\r\nb\r", "From x\r\nA: b\n\nc\r\r\n\n",
                "A: b\r\n\r\nline\r\rline\n\r", "\r", "\r\n", "\n\r", "From me\n", "Frome x\r\n")) {
            byte[] raw = s.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(MessageParser.normalise(raw)).as(s).isEqualTo(plainNormalise(raw));
        }
    }

    @Test
    void foldingUnicodeSpacesAndRunsComesOutAsBefore() {
        String chars = "ab \t\n\r\u000B\f\u001C\u00A0\u0085\u2007\u2028\u3000\u200Bé€x";
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                s.append(chars.charAt(random.nextInt(chars.length())));
            }
            assertThat(MessageParser.fold(s)).as(s.toString()).isEqualTo(plainFold(s));
        }
    }

    @Test
    void everyCorpusMessageNormalisesAndFoldsAsBefore() throws IOException {
        int messages = 0;
        for (byte[] raw : CandidateSearchTest.corpusFiles()) {
            String text = MessageParser.normalise(raw);
            assertThat(text).isEqualTo(plainNormalise(raw));
            assertThat(MessageParser.fold(text)).isEqualTo(plainFold(text));
            messages++;
        }
        assertThat(messages).isGreaterThan(300);
    }

    private static String plainNormalise(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, MessageParser.MAX_BYTES), StandardCharsets.ISO_8859_1);
        if (text.startsWith("From ")) {
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl + 1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String plainFold(CharSequence s) {
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
