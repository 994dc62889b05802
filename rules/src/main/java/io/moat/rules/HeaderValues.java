// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import io.moat.rules.lang.HeaderSelector;
import io.moat.rules.message.EncodedWords;
import io.moat.rules.message.HeaderField;
import io.moat.rules.message.Headers;
import io.moat.rules.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a header test reads: the values of a field or pseudo-field, joined by line breaks; null if absent. */
final class HeaderValues {
    private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");
    private static final Pattern BARE = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    private HeaderValues() {
    }

    static String read(Message m, HeaderSelector s) {
        Headers h = m.headers();
        if (s.field().equals("ALL")) {
            return s.raw() ? m.rawHeaders() : all(h);
        }
        List<String> raw = switch (s.field()) {
            case "ToCc" -> concat(h.all("To"), h.all("Cc"));
            case "MESSAGEID" -> concat(h.all("Message-ID"), concat(h.all("Resent-Message-ID"), h.all("X-Message-ID")));
            case "EnvelopeFrom" -> h.all("Return-Path");
            default -> h.all(s.field());
        };
        if (raw.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String v : raw) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            String value = s.raw() ? v : EncodedWords.decode(v);
            out.append(switch (s.part()) {
                case VALUE -> value;
                case ADDRESS -> address(value);
                case NAME -> name(value);
            });
        }
        return out.toString();
    }

    private static String all(Headers h) {
        StringBuilder out = new StringBuilder();
        for (HeaderField f : h.fields()) {
            out.append(f.name()).append(": ").append(f.decodedValue()).append('\n');
        }
        return out.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String address(String v) {
        Matcher angle = ANGLE.matcher(v);
        if (angle.find()) {
            return angle.group(1).strip();
        }
        Matcher bare = BARE.matcher(v);
        return bare.find() ? bare.group() : v.strip();
    }

    static String name(String v) {
        int lt = v.indexOf('<');
        String name;
        if (lt >= 0) {
            name = v.substring(0, lt);
        } else {
            int open = v.indexOf('(');
            int close = v.lastIndexOf(')');
            name = open >= 0 && close > open ? v.substring(open + 1, close) : "";
        }
        name = name.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }
}
