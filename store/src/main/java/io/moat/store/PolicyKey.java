// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The settings a policy can hold, for a domain or a mailbox. Each key validates and normalises
 * its value; list values are comma-separated.
 */
public enum PolicyKey {
    TAG_SCORE("threshold.tag", Kind.SCORE, "SpamScore at or above which the message is tagged"),
    QUARANTINE_SCORE("threshold.quarantine", Kind.SCORE, "SpamScore at or above which spam is quarantined"),
    REJECT_SCORE("threshold.reject", Kind.SCORE, "SpamScore at or above which spam is rejected"),
    ACTION_SPAM("action.spam", Kind.ACTION, "action for spam"),
    ACTION_VIRUS("action.virus", Kind.ACTION, "action for viruses"),
    ACTION_BANNED("action.banned", Kind.ACTION, "action for banned file types"),
    ACTION_BAD_HEADER("action.bad-header", Kind.ACTION, "action for bad headers"),
    ACTION_OVERSIZED("action.oversized", Kind.ACTION, "action for oversized messages"),
    SUBJECT_TAG("subject.tag", Kind.TEXT, "text put before the Subject of tagged mail"),
    SENDERS_ALLOW("senders.allow", Kind.LIST, "senders (address, *@domain) always delivered"),
    SENDERS_BLOCK("senders.block", Kind.LIST, "senders (address, *@domain) always rejected"),
    BANNED_TYPES("banned.types", Kind.FILE_TYPES,
            "file types banned (extensions or MIME types), added to the global list unless banned.replace"),
    BANNED_REPLACE("banned.replace", Kind.BOOL, "true: banned.types replaces the global banned list instead of adding to it"),
    ANTIVIRUS_FAIL_OPEN("antivirus.fail-open", Kind.BOOL,
            "true: when clamd cannot answer, mail may be delivered unscanned (only if every recipient agrees)");

    /** How a value is checked. */
    public enum Kind { SCORE, ACTION, TEXT, LIST, BOOL, FILE_TYPES }

    private static final java.util.regex.Pattern FILE_TYPE =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*(/[a-z0-9][a-z0-9!#$&^_.+-]*)?");

    private final String key;
    private final Kind kind;
    private final String description;

    PolicyKey(String key, Kind kind, String description) {
        this.key = key;
        this.kind = kind;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public static PolicyKey parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown policy key '" + text + "'; keys: "
                        + Arrays.stream(values()).map(PolicyKey::key).collect(Collectors.joining(", "))));
    }

    /** Checks and normalises a value for this key. */
    public String normalise(String value) {
        String v = value.trim();
        return switch (kind) {
            case SCORE -> {
                try {
                    yield Double.toString(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " needs a number, got '" + value + "'", e);
                }
            }
            case ACTION -> PolicyAction.parse(v).label();
            case TEXT -> v;
            case LIST -> String.join(",", split(v));
            case BOOL -> bool(v);
            case FILE_TYPES -> fileTypes(v);
        };
    }

    private String bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> "true";
            case "false", "no", "off" -> "false";
            default -> throw new IllegalArgumentException(key + " needs true or false, got '" + v + "'");
        };
    }

    /** Extensions ({@code exe}, {@code .exe}) and media types ({@code application/x-dosexec}). */
    private String fileTypes(String v) {
        List<String> items = split(v).stream().map(s -> s.startsWith(".") ? s.substring(1) : s).distinct().toList();
        for (String i : items) {
            if (!FILE_TYPE.matcher(i).matches() || !i.contains("/") && i.contains(".")) {
                throw new IllegalArgumentException(key + ": '" + i + "' is neither an extension nor a media type");
            }
            if (i.equals("application/octet-stream") || i.equals("text/plain")) {
                throw new IllegalArgumentException(key + ": " + i + " would ban almost everything");
            }
        }
        return String.join(",", items);
    }

    /** Splits a list value into its trimmed, lower-cased, non-empty items. */
    public static List<String> split(String value) {
        return Arrays.stream(value.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
