// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.moat.milter.filter.rbl.CodeRule;
import io.moat.milter.filter.rbl.RblSettings;
import io.moat.milter.filter.rbl.RblZone;
import io.moat.milter.filter.rbl.ReturnCodes;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rbl:} section into {@link RblSettings}; see docs/rbl.md for the keys. */
final class RblSection {
    private static final Pattern RESOLVER = Pattern.compile("(\\[([0-9A-Fa-f:.]+)]|([0-9.]+))(:(\\d{1,5}))?");

    private RblSection() {
    }

    static RblSettings read(ConfigNode rbl) throws ConfigException {
        rbl.allowOnly("resolver", "timeout", "negative-ttl", "max-ttl", "cache-size", "zones");
        RblSettings d = RblSettings.NONE;
        List<RblZone> zones = new ArrayList<>();
        for (ConfigNode z : rbl.list("zones")) {
            zones.add(zone(z));
        }
        Duration timeout = rbl.duration("timeout", d.timeout());
        if (timeout.isZero()) {
            throw rbl.error("timeout", "must be more than 0");
        }
        try {
            return new RblSettings(resolver(rbl), timeout, rbl.duration("negative-ttl", d.negativeTtl()),
                    rbl.duration("max-ttl", d.maxTtl()), rbl.integer("cache-size", (int) d.cacheSize(), 0, 10_000_000), zones);
        } catch (IllegalArgumentException e) {
            throw rbl.error("zones", e.getMessage());
        }
    }

    private static InetSocketAddress resolver(ConfigNode rbl) throws ConfigException {
        String text = rbl.string("resolver", "127.0.0.1:53");
        Matcher m = RESOLVER.matcher(text);
        if (!m.matches()) {
            throw rbl.error("resolver", "expected an IP address with an optional port, e.g. 127.0.0.1:53 or [::1]:53, got \"" + text + "\"");
        }
        int port = m.group(5) == null ? 53 : Integer.parseInt(m.group(5));
        if (port < 1 || port > 65535) {
            throw rbl.error("resolver", "port must be 1 to 65535");
        }
        try {
            return new InetSocketAddress(java.net.InetAddress.getByName(m.group(2) != null ? m.group(2) : m.group(3)), port);
        } catch (java.net.UnknownHostException e) {
            throw rbl.error("resolver", "not an IP address: \"" + text + "\"");
        }
    }

    private static RblZone zone(ConfigNode z) throws ConfigException {
        z.allowOnly("name", "zone", "type", "weight", "reject", "codes", "refusal-codes");
        String type = z.string("type", "ip").toLowerCase(Locale.ROOT);
        if (!type.equals("ip") && !type.equals("domain")) {
            throw z.error("type", "expected ip or domain, got \"" + type + "\"");
        }
        List<CodeRule> codes = new ArrayList<>();
        for (ConfigNode c : z.list("codes")) {
            codes.add(code(c));
        }
        Set<Integer> refusals = new HashSet<>();
        for (String r : z.strings("refusal-codes", List.of())) {
            refusals.add(returnCode(z, "refusal-codes", r));
        }
        if (!z.has("name") || !z.has("zone")) {
            throw z.error(z.has("name") ? "zone" : "name", "is required");
        }
        try {
            return new RblZone(z.string("name", ""), z.string("zone", ""), RblZone.Kind.valueOf(type.toUpperCase(Locale.ROOT)),
                    z.number("weight", 1.0), z.bool("reject", false), codes, refusals);
        } catch (IllegalArgumentException e) {
            throw z.error("name", e.getMessage());
        }
    }

    private static CodeRule code(ConfigNode c) throws ConfigException {
        c.allowOnly("value", "mask", "symbol", "weight");
        if (c.has("value") == c.has("mask")) {
            throw c.error("value", "give either value (one return code) or mask (bits), not both or neither");
        }
        CodeRule.Match match;
        try {
            match = c.has("value") ? new CodeRule.Exact(returnCode(c, "value", c.string("value", "")))
                    : new CodeRule.Mask(mask(c));
            return new CodeRule(match, c.string("symbol", ""), c.number("weight", 1.0));
        } catch (IllegalArgumentException e) {
            throw c.error(c.has("value") ? "value" : "mask", e.getMessage());
        }
    }

    private static int mask(ConfigNode c) throws ConfigException {
        JsonNode v = c.raw("mask");
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        String text = v.asText().strip();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            try {
                return (int) Long.parseLong(text.substring(2), 16);
            } catch (NumberFormatException e) {
                throw c.error("mask", "not a hexadecimal mask: \"" + text + "\"");
            }
        }
        return returnCode(c, "mask", text);
    }

    private static int returnCode(ConfigNode n, String key, String text) throws ConfigException {
        try {
            return ReturnCodes.parse(text);
        } catch (IllegalArgumentException e) {
            throw n.error(key, e.getMessage());
        }
    }
}
