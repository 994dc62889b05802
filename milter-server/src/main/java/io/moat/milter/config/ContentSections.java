// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import io.moat.milter.filter.av.AntivirusSettings;
import io.moat.milter.filter.av.ClamdEndpoint;
import io.moat.milter.filter.av.ClamdSettings;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.filter.content.ContentLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** Reads the {@code content} and {@code antivirus} sections (docs/attachments.md, docs/antivirus.md). */
final class ContentSections {
    private ContentSections() {
    }

    static ContentLimits limits(ConfigNode n) throws ConfigException {
        n.allowOnly("enabled", "max-depth", "max-parts", "max-expanded-bytes", "max-expansion-ratio", "max-urls",
                "banned-types", "banned-extensions");
        ContentLimits d = ContentLimits.DEFAULTS;
        long expanded = n.size("max-expanded-bytes", d.maxExpandedBytes());
        if (expanded < 1024) {
            throw n.error("max-expanded-bytes", "must be at least 1KiB");
        }
        return new ContentLimits(n.integer("max-depth", d.maxDepth(), 1, 64),
                n.integer("max-parts", d.maxParts(), 1, 1_000_000), expanded,
                n.integer("max-expansion-ratio", d.maxExpansionRatio(), 2, 1_000_000),
                n.integer("max-urls", d.maxUrls(), 0, 1_000_000));
    }

    static BannedTypes banned(ConfigNode n) throws ConfigException {
        BannedTypes d = BannedTypes.DEFAULTS;
        List<String> types = n.strings("banned-types", d.sortedTypes());
        try {
            return new BannedTypes(new HashSet<>(types),
                    new HashSet<>(n.strings("banned-extensions", List.copyOf(d.extensions()))));
        } catch (IllegalArgumentException e) {
            throw n.error("banned-types", e.getMessage());
        }
    }

    static AntivirusSettings antivirus(ConfigNode n) throws ConfigException {
        n.allowOnly("engines", "scan", "max-stream-size", "connect-timeout", "scan-timeout", "max-connections",
                "fail-open", "on-too-large");
        List<ClamdEndpoint> engines = new ArrayList<>();
        List<String> specs = n.strings("engines", List.of());
        for (int i = 0; i < specs.size(); i++) {
            try {
                engines.add(ClamdEndpoint.parse(specs.get(i)));
            } catch (IllegalArgumentException e) {
                throw n.error("engines[" + i + "]", e.getMessage());
            }
        }
        ClamdSettings d = ClamdSettings.DEFAULTS;
        Duration connect = positive(n, "connect-timeout", d.connectTimeout());
        Duration scan = positive(n, "scan-timeout", d.scanTimeout());
        long stream = n.size("max-stream-size", d.maxStreamSize());
        if (stream < 1 || stream >= 4L * 1024 * 1024 * 1024) {
            throw n.error("max-stream-size", "must be between 1 byte and 4GiB (clamd's StreamMaxLength limit)");
        }
        ClamdSettings clamd = new ClamdSettings(connect, scan, stream, n.integer("max-connections", d.maxConnections(), 1, 10_000));
        return new AntivirusSettings(engines, n.choice("scan", AntivirusSettings.ScanMode.class, "message"), clamd,
                bool(n, "fail-open", false), n.choice("on-too-large", AntivirusSettings.TooLarge.class, "unchecked"));
    }

    private static Duration positive(ConfigNode n, String key, Duration dflt) throws ConfigException {
        Duration v = n.duration(key, dflt);
        if (v.isZero()) {
            throw n.error(key, "must be more than 0");
        }
        return v;
    }

    private static boolean bool(ConfigNode n, String key, boolean dflt) throws ConfigException {
        String v = n.string(key, Boolean.toString(dflt)).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw n.error(key, "expected true or false, got \"" + v + "\"");
        };
    }
}
