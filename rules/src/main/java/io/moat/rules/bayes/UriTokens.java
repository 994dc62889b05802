// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tokens of link targets: scheme, host and its parent domains, and path words. */
final class UriTokens {
    private static final int MAX_URIS = 60;

    private UriTokens() {
    }

    static void add(List<String> uris, Set<String> out) {
        int n = 0;
        for (String uri : uris) {
            if (n++ >= MAX_URIS) {
                break;
            }
            String u = uri.toLowerCase(Locale.ROOT);
            int scheme = u.indexOf("://");
            if (u.startsWith("mailto:")) {
                out.add("url:mailto");
                continue;
            }
            out.add("url:scheme:" + (scheme > 0 ? u.substring(0, Math.min(scheme, 10)) : "none"));
            int hostStart = scheme > 0 ? scheme + 3 : 0;
            int hostEnd = hostStart;
            while (hostEnd < u.length() && "/?#".indexOf(u.charAt(hostEnd)) < 0) {
                hostEnd++;
            }
            host(u.substring(hostStart, hostEnd), out);
            for (String piece : u.substring(hostEnd).split("[/?#=&.\\-_+%:;,]+")) {
                if (piece.length() >= 3 && piece.length() <= 20) {
                    out.add("url:p:" + piece);
                }
            }
        }
    }

    private static void host(String hostPort, Set<String> out) {
        String host = hostPort.substring(hostPort.lastIndexOf('@') + 1);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            out.add("url:port");
            host = host.substring(0, colon);
        }
        if (host.matches("[0-9.]+")) {
            out.add("url:ip-host");
            return;
        }
        out.add(Tokenizer.cap("url:" + host));
        String[] labels = host.split("\\.");
        if (labels.length >= 2) {
            out.add(Tokenizer.cap("url:dom:" + labels[labels.length - 2] + "." + labels[labels.length - 1]));
        }
    }
}
