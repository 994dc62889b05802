// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import io.moat.rules.message.CandidateSearch;
import io.moat.rules.message.CandidateSearch.Candidates;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens of one Received field: host names (and their parent domains) and IP prefixes. Each
 * pattern is tried only where a match can start ({@link CandidateSearch}): an IP at a digit that
 * follows no digit, a host name in a run of {@code [a-z0-9.-]} with two dots still ahead.
 */
final class Received {
    private static final Pattern IP = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\b");
    private static final Pattern HOST = Pattern.compile("\\b([a-z0-9-]+(?:\\.[a-z0-9-]+)+\\.[a-z]{2,6})\\b");
    private static final Pattern WITH = Pattern.compile("\\bwith (\\S+)");
    private static final Candidates WITH_STARTS = Candidates.prefixes(List.of("with "));

    private Received() {
    }

    static void add(String value, Set<String> out) {
        String v = value.toLowerCase(Locale.ROOT);
        CandidateSearch ip = new CandidateSearch(IP, v, Received::ipStart);
        while (ip.find()) {
            Matcher m = ip.match();
            out.add("rcvd:ip:" + m.group(1) + "." + m.group(2));
            out.add("rcvd:ip:" + m.group(1) + "." + m.group(2) + "." + m.group(3));
        }
        CandidateSearch host = new CandidateSearch(HOST, v, Received::hostStart);
        while (host.find()) {
            String h = host.match().group(1);
            out.add(Tokenizer.cap("rcvd:" + h));
            int dot = h.indexOf('.');
            if (dot > 0 && h.indexOf('.', dot + 1) > 0) {
                out.add(Tokenizer.cap("rcvd:" + h.substring(dot + 1)));
            }
        }
        CandidateSearch with = new CandidateSearch(WITH, v, WITH_STARTS);
        if (with.find()) {
            out.add(Tokenizer.cap("rcvd:with:" + with.match().group(1)));
        }
    }

    /** A digit after no digit: {@code \b\d} cannot hold anywhere else. */
    private static int ipStart(String v, int from) {
        for (int i = from; i < v.length(); i++) {
            if (isDigit(v.charAt(i)) && (i == 0 || !isDigit(v.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** A host name is all {@code [a-z0-9.-]}, starts with no dot and holds at least two dots. */
    private static int hostStart(String v, int from) {
        int i = from;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (!isHostChar(c) || c == '.') {
                i++;
                continue;
            }
            int dots = 0;
            int j = i;
            while (j < v.length() && isHostChar(v.charAt(j)) && dots < 2) {
                dots += v.charAt(j) == '.' ? 1 : 0;
                j++;
            }
            if (dots == 2) {
                return i;
            }
            i = j;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || isDigit(c) || c == '-' || c == '.';
    }
}
