// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One list's answer about one subject (an IP address or a domain), and the findings it makes:
 * the symbols of the matching code rules (or the list's own symbol), {@code RBL_<NAME>_BLOCKED}
 * or {@code RBL_<NAME>_UNAVAILABLE} at weight 0, nothing when not listed.
 */
public record ZoneAnswer(RblZone zone, String subject, RblAnswer answer) {

    public boolean listed() {
        return answer instanceof RblAnswer.Listed;
    }

    /** The findings, each symbol once, with {@code suffix} appended to listing symbols (e.g. {@code _SENDER}). */
    public List<Finding> findings(String suffix) {
        return switch (answer) {
            case RblAnswer.Listed l -> listings(l, suffix);
            case RblAnswer.NotListed n -> List.of();
            case RblAnswer.ResolverBlocked b -> List.of(Finding.of(zone.blockedSymbol(), 0,
                    zone.zone() + " refused the query for " + subject + ": " + b.reason()));
            case RblAnswer.Unavailable u -> List.of(Finding.of(zone.unavailableSymbol(), 0,
                    zone.zone() + " gave no answer for " + subject + ": " + u.cause()));
        };
    }

    private List<Finding> listings(RblAnswer.Listed l, String suffix) {
        Set<String> seen = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>();
        for (int code : l.codes()) {
            boolean named = false;
            for (CodeRule rule : zone.codes()) {
                if (rule.matches(code)) {
                    named = true;
                    add(out, seen, rule.symbol() + suffix, rule.weight(), code);
                }
            }
            if (!named) {
                add(out, seen, zone.listedSymbol() + suffix, zone.weight(), code);
            }
        }
        return out;
    }

    private void add(List<Finding> out, Set<String> seen, String symbol, double weight, int code) {
        if (seen.add(symbol)) {
            out.add(Finding.of(symbol, weight, subject + " listed in " + zone.zone() + " (" + ReturnCodes.format(code) + ")"));
        }
    }
}
