// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns bytes into text by a declared charset name, mapping common mislabels and falling back
 * to windows-1252 (a superset of ISO-8859-1 in practice) when the name is unknown.
 */
public final class Charsets {
    private static final Charset FALLBACK = Charset.forName("windows-1252");
    private static final Map<String, Charset> CACHE = new ConcurrentHashMap<>();

    private Charsets() {
    }

    public static String decode(byte[] bytes, String declared) {
        return new String(bytes, lookup(declared));
    }

    static Charset lookup(String declared) {
        String name = declared.trim().toLowerCase(Locale.ROOT).replace("\"", "");
        if (name.isEmpty() || name.equals("us-ascii") || name.equals("iso-8859-1") || name.equals("latin1")) {
            return FALLBACK;
        }
        Charset cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        Charset cs = resolve(name);
        if (CACHE.size() < 256) {
            CACHE.put(name, cs);
        }
        return cs;
    }

    private static Charset resolve(String name) {
        try {
            Charset cs = Charset.forName(name);
            return cs.equals(StandardCharsets.ISO_8859_1) ? FALLBACK : cs;
        } catch (RuntimeException e) {
            return FALLBACK;
        }
    }
}
