// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens of one Received field: host names (and their parent domains) and IP prefixes. */
final class Received {
    private static final Pattern IP = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\b");
    private static final Pattern HOST = Pattern.compile("\\b([a-z0-9-]+(?:\\.[a-z0-9-]+)+\\.[a-z]{2,6})\\b");
    private static final Pattern WITH = Pattern.compile("\\bwith (\\S+)");

    private Received() {
    }

    static void add(String value, Set<String> out) {
        String v = value.toLowerCase(Locale.ROOT);
        Matcher ip = IP.matcher(v);
        while (ip.find()) {
            out.add("rcvd:ip:" + ip.group(1) + "." + ip.group(2));
            out.add("rcvd:ip:" + ip.group(1) + "." + ip.group(2) + "." + ip.group(3));
        }
        Matcher host = HOST.matcher(v);
        while (host.find()) {
            String h = host.group(1);
            out.add(Tokenizer.cap("rcvd:" + h));
            int dot = h.indexOf('.');
            if (dot > 0 && h.indexOf('.', dot + 1) > 0) {
                out.add(Tokenizer.cap("rcvd:" + h.substring(dot + 1)));
            }
        }
        Matcher with = WITH.matcher(v);
        if (with.find()) {
            out.add(Tokenizer.cap("rcvd:with:" + with.group(1)));
        }
    }
}
