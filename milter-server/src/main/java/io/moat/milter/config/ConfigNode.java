// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of the config tree with its key path, reading typed values and refusing unknown
 * keys, so every error names exactly the key that is wrong.
 */
final class ConfigNode {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KB|KiB|K|MB|MiB|M|GB|GiB|G)", Pattern.CASE_INSENSITIVE);

    private final JsonNode node;
    private final String path;
    private final String source;

    ConfigNode(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    private String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    ConfigException error(String key, String message) {
        return new ConfigException(source + ": " + key(key) + ": " + message);
    }

    void allowOnly(String... keys) throws ConfigException {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new ConfigException(source + ": " + (path.isEmpty() ? "(top level)" : path) + ": expected a mapping of keys");
        }
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error(k, "unknown key (known here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    ConfigNode child(String k) {
        return new ConfigNode(node.path(k), key(k), source);
    }

    boolean has(String k) {
        return node.has(k) && !node.get(k).isNull();
    }

    List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    String string(String k, String dflt) throws ConfigException {
        if (!has(k)) {
            return dflt;
        }
        JsonNode v = node.get(k);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw error(k, "expected a non-empty text value");
        }
        return v.asText().strip();
    }

    /** One of an enum's constants, written lower case with dashes ({@code ON_TOO_LARGE} as {@code on-too-large}). */
    <E extends Enum<E>> E choice(String k, Class<E> type, String dflt) throws ConfigException {
        String v = string(k, dflt);
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            names.add(name);
            if (name.equals(v.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw error(k, "expected one of " + String.join(", ", names) + ", got \"" + v + "\"");
    }

    boolean bool(String k, boolean dflt) throws ConfigException {
        if (!has(k)) {
            return dflt;
        }
        JsonNode v = node.get(k);
        if (!v.isBoolean()) {
            throw error(k, "expected true or false, got " + v);
        }
        return v.asBoolean();
    }

    int integer(String k, int dflt, int min, int max) throws ConfigException {
        if (!has(k)) {
            return dflt;
        }
        JsonNode v = node.get(k);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw error(k, "expected a whole number from " + min + " to " + max + ", got " + v);
        }
        return v.asInt();
    }

    double number(String k, double dflt) throws ConfigException {
        if (!has(k)) {
            return dflt;
        }
        JsonNode v = node.get(k);
        if (!v.isNumber()) {
            throw error(k, "expected a number, got " + v);
        }
        return v.asDouble();
    }

    Duration duration(String k, Duration dflt) throws ConfigException {
        if (!has(k)) {
            return dflt;
        }
        String text = node.get(k).asText().strip();
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw error(k, "expected a duration such as 500ms, 30s, 10m or 1h, got \"" + text + "\"");
        }
        try {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            d.toNanos(); // the daemon computes deadlines in nanoseconds
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(k, "duration too large: \"" + text + "\"");
        }
    }

    long size(String k, long dflt) throws ConfigException {
        if (!has(k)) {
            return dflt;
        }
        String text = node.get(k).asText().strip();
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw error(k, "expected a size such as 10240000, 512KiB or 10MiB, got \"" + text + "\"");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw error(k, "size too large: \"" + text + "\"");
        }
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 1;
            case "KB" -> 1000;
            case "KIB", "K" -> 1024;
            case "MB" -> 1000_000;
            case "MIB", "M" -> 1024 * 1024;
            case "GB" -> 1000_000_000;
            default -> 1024L * 1024 * 1024;
        };
        try {
            return Math.multiplyExact(n, unit);
        } catch (ArithmeticException e) {
            throw error(k, "size too large: \"" + text + "\"");
        }
    }

    /** The mappings of a list of mappings, each with its path ({@code rbl.zones[3]}). */
    List<ConfigNode> list(String k) throws ConfigException {
        if (!has(k)) {
            return List.of();
        }
        JsonNode v = node.get(k);
        if (!v.isArray()) {
            throw error(k, "expected a list");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new ConfigNode(v.get(i), key(k) + "[" + i + "]", source));
        }
        return out;
    }

    /** The raw value node of a key, for readers of unusual types. */
    JsonNode raw(String k) {
        return node.path(k);
    }

    List<String> strings(String k, List<String> dflt) throws ConfigException {
        if (!has(k)) {
            return dflt;
        }
        JsonNode v = node.get(k);
        if (v.isValueNode()) {
            return List.of(v.asText().strip());
        }
        if (!v.isArray()) {
            throw error(k, "expected a list of text values");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode()) {
                throw new ConfigException(source + ": " + key(k) + "[" + i + "]: expected a text value");
            }
            out.add(v.get(i).asText().strip());
        }
        return out;
    }
}
