// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.rules.message.CandidateSearch;
import io.moat.rules.message.CandidateSearch.Candidates;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a text or HTML part in chunks and collects its URLs ({@code http(s)://}, {@code ftp://},
 * bare {@code www.} hosts, and HTML {@code href}/{@code src} values, with {@code &amp;} undone),
 * and notices an inline PGP message. Memory is one chunk plus a short overlap, whatever the size.
 * The patterns are tried only where their literal starts ({@link CandidateSearch}).
 */
final class TextScanner {
    static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://[^\\s<>\"'`()\\[\\]{}]+|www\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+[^\\s<>\"'`()\\[\\]{}]*)");
    static final Pattern ATTRIBUTE = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*[\"']?((?:https?|ftp)://[^\"'\\s>]+)");
    private static final Candidates URL_STARTS = Candidates.prefixes(List.of("http", "ftp:", "www."));
    private static final Candidates ATTRIBUTE_STARTS = Candidates.prefixes(List.of("href", "src"));
    private static final String PGP_ARMOR = "-----BEGIN PGP MESSAGE-----";
    private static final int CHUNK = 32 * 1024;
    /** Longer URLs are cut here; also the overlap kept between chunks. */
    static final int MAX_URL = 2048;
    /** Always kept between chunks, so the PGP armor line and a URL start are not cut in two. */
    private static final int OVERLAP = 64;

    private TextScanner() {
    }

    /** Adds the URLs of {@code text} to {@code urls} (up to {@code maxUrls}); true if it holds a PGP message. */
    static boolean scan(Reader text, Set<String> urls, int maxUrls) throws IOException {
        char[] buf = new char[CHUNK];
        StringBuilder window = new StringBuilder(CHUNK + MAX_URL);
        boolean pgp = false;
        int n;
        boolean eof = false;
        while (!eof) {
            n = text.read(buf);
            eof = n < 0;
            if (n > 0) {
                window.append(buf, 0, n);
            }
            if (window.length() < CHUNK && !eof) {
                continue;
            }
            pgp |= window.indexOf(PGP_ARMOR) >= 0;
            int safe = collect(window, urls, maxUrls, eof);
            int len = window.length();
            window.delete(0, Math.min(Math.max(safe, len - MAX_URL), Math.max(0, len - OVERLAP)));
        }
        return pgp;
    }

    /** Collects matches that end before the window's end (or all at the end); returns where to keep from. */
    private static int collect(CharSequence window, Set<String> urls, int maxUrls, boolean last) {
        String text = window.toString();
        int keepFrom = text.length();
        for (CandidateSearch s : List.of(new CandidateSearch(URL, text, URL_STARTS),
                new CandidateSearch(ATTRIBUTE, text, ATTRIBUTE_STARTS))) {
            while (s.find()) {
                Matcher m = s.match();
                int g = m.groupCount() > 0 ? 1 : 0;
                if (!last && m.end(g) >= window.length()) {
                    keepFrom = Math.min(keepFrom, m.start());
                    break;
                }
                add(urls, m.group(g), maxUrls);
            }
        }
        return keepFrom;
    }

    static void add(Set<String> urls, String raw, int maxUrls) {
        if (urls.size() >= maxUrls) {
            return;
        }
        String u = raw.replace("&amp;", "&");
        while (!u.isEmpty() && ".,;:!?".indexOf(u.charAt(u.length() - 1)) >= 0) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.length() > MAX_URL) {
            u = u.substring(0, MAX_URL);
        }
        if (u.length() > 7) {
            urls.add(u);
        }
    }
}
