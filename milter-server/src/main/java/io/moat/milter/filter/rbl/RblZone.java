// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One DNS list, validated. {@code name} is the UPPER_SNAKE part of its symbols ({@code RBL_<NAME>},
 * {@code RBL_<NAME>_BLOCKED}, {@code RBL_<NAME>_UNAVAILABLE}); {@code weight} is scored for a listed
 * code no {@link CodeRule} matches (negative for an allow-list). A list with {@code reject} refuses
 * every recipient of a listed client (IP lists) or sender domain (domain lists) at RCPT.
 * {@code refusalCodes} are extra codes that mean "blocked", besides 127.255.255.0/24.
 */
public record RblZone(String name, String zone, Kind kind, double weight, boolean reject, List<CodeRule> codes,
        Set<Integer> refusalCodes) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern DNS = Pattern.compile("([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?");

    /** What the list is keyed by. */
    public enum Kind {
        /** Client IP addresses, queried as reversed octets or nibbles. */
        IP,
        /** Domain names (sender domains, URL hosts). */
        DOMAIN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RblZone {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be UPPER_SNAKE (it becomes part of symbols): " + name);
        }
        zone = zone.toLowerCase(Locale.ROOT);
        if (zone.endsWith(".")) {
            zone = zone.substring(0, zone.length() - 1);
        }
        if (!DNS.matcher(zone).matches()) {
            throw new IllegalArgumentException("not a DNS zone name: \"" + zone + "\"");
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number");
        }
        codes = List.copyOf(codes);
        refusalCodes = Set.copyOf(refusalCodes);
        if (reject && (weight < 0 || codes.stream().anyMatch(c -> c.weight() < 0))) {
            throw new IllegalArgumentException("an allow-list (negative weight) cannot reject");
        }
    }

    /** The symbol for a listing no rule names: {@code RBL_<NAME>} or, for domain lists, {@code URIBL_<NAME>}. */
    public String listedSymbol() {
        return (kind == Kind.IP ? "RBL_" : "URIBL_") + name;
    }

    public String blockedSymbol() {
        return "RBL_" + name + "_BLOCKED";
    }

    public String unavailableSymbol() {
        return "RBL_" + name + "_UNAVAILABLE";
    }

    /** Whether a return code means "the list refused to answer us". */
    public boolean isRefusal(int code) {
        return ReturnCodes.isRefusalRange(code) || refusalCodes.contains(code);
    }
}
