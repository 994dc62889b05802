// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.jspecify.annotations.Nullable;

/**
 * A part's file name from its MIME parameters: plain, RFC 2047 encoded words, and RFC 2231
 * ({@code filename*=UTF-8''a%20b.pdf}, with continuations {@code filename*0*=}...).
 */
final class PartName {
    private PartName() {
    }

    static @Nullable String of(Map<String, String> disposition, Map<String, String> type) {
        String n = named(disposition, "filename");
        return n != null ? n : named(type, "name");
    }

    private static @Nullable String named(Map<String, String> params, String key) {
        String ext = params.get(key + "*");
        if (ext != null) {
            return clean(extended(ext));
        }
        TreeMap<Integer, String> pieces = new TreeMap<>();
        boolean encoded = false;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(key + "*") && k.length() > key.length() + 1) {
                String num = k.substring(key.length() + 1);
                boolean enc = num.endsWith("*");
                num = enc ? num.substring(0, num.length() - 1) : num;
                if (num.chars().allMatch(Character::isDigit) && num.length() < 4) {
                    pieces.put(Integer.parseInt(num), e.getValue());
                    encoded |= enc && num.equals("0");
                }
            }
        }
        if (!pieces.isEmpty()) {
            String joined = String.join("", pieces.values());
            return clean(encoded ? extended(joined) : joined);
        }
        String plain = params.get(key);
        return plain == null ? null : clean(DecoderUtil.decodeEncodedWords(plain, DecodeMonitor.SILENT));
    }

    /** RFC 2231 {@code charset'lang'percent-encoded}. */
    private static String extended(String v) {
        int q1 = v.indexOf('\'');
        int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return v;
        }
        Charset cs;
        try {
            cs = Charset.forName(v.substring(0, q1).isEmpty() ? "US-ASCII" : v.substring(0, q1));
        } catch (IllegalArgumentException e) {
            cs = StandardCharsets.UTF_8;
        }
        try {
            return URLDecoder.decode(v.substring(q2 + 1).replace("+", "%2B"), cs);
        } catch (IllegalArgumentException e) {
            return v.substring(q2 + 1);
        }
    }

    private static @Nullable String clean(String name) {
        String s = name.strip();
        return s.isEmpty() ? null : s;
    }
}
