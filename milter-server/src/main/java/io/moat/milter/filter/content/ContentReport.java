// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.verdict.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one message carries: its parts (with true types), the URLs found in its text and HTML
 * parts, in order of appearance, and the findings the content walk made.
 */
public record ContentReport(List<PartInfo> parts, List<String> urls, List<Finding> findings) {
    public ContentReport {
        parts = List.copyOf(parts);
        urls = List.copyOf(urls);
        findings = List.copyOf(findings);
    }

    /** The distinct host names of {@link #urls()}, lower case: what URI blocklists look up. */
    public Set<String> hosts() {
        Set<String> out = new LinkedHashSet<>();
        for (String u : urls) {
            String host = hostOf(u);
            if (!host.isEmpty()) {
                out.add(host);
            }
        }
        return out;
    }

    /** The host of a URL as written (not a strict URI parse: spam URLs are rarely valid URIs). */
    static String hostOf(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = start;
        while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? "" : authority.substring(1, close).toLowerCase(Locale.ROOT);
        }
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
