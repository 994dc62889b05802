// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in header values. */
public final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,40})\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern GAP = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {
    }

    public static String decode(String value) {
        if (value.indexOf("=?") < 0) {
            return value;
        }
        String joined = GAP.matcher(value).replaceAll("$1$2");
        Matcher m = WORD.matcher(joined);
        StringBuilder out = new StringBuilder(joined.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word(m.group(1), m.group(2), m.group(3))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String word(String charset, String encoding, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] decoded = encoding.equalsIgnoreCase("B")
                ? TransferDecoding.base64(bytes)
                : TransferDecoding.quotedPrintable(bytes, true);
        return Charsets.decode(decoded, charset);
    }
}
