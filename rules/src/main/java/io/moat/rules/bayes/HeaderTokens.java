// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import io.moat.rules.message.HeaderField;
import io.moat.rules.message.Message;
import java.util.Locale;
import java.util.Set;

/** Header-tagged tokens: field names present, and words of the fields that say most. */
final class HeaderTokens {
    private static final int MAX_RECEIVED = 8;

    private HeaderTokens() {
    }

    static void add(Message message, Set<String> out) {
        int received = 0;
        for (HeaderField f : message.headers().fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (name.length() > 40) {
                continue;
            }
            out.add("H:" + name);
            switch (name) {
                case "subject" -> words("subj:", f.decodedValue(), out);
                case "from", "reply-to", "to", "cc", "sender", "return-path" -> address(name, f.decodedValue(), out);
                case "received" -> {
                    if (received++ < MAX_RECEIVED) {
                        Received.add(f.rawValue(), out);
                    }
                }
                case "message-id" -> messageId(f.rawValue(), out);
                case "date" -> out.add("date:" + Shapes.of(f.rawValue()));
                case "x-mailer", "user-agent" -> {
                    out.add(Tokenizer.cap("mailer:" + f.rawValue().toLowerCase(Locale.ROOT)));
                    words("mailer:", f.rawValue(), out);
                }
                case "delivered-to", "x-original-date", "in-reply-to", "references" -> { }
                default -> shortValue(name, f.rawValue(), out);
            }
        }
    }

    private static void shortValue(String name, String value, Set<String> out) {
        if (value.length() <= 40) {
            out.add(Tokenizer.cap("H:" + name + ":" + value.toLowerCase(Locale.ROOT)));
        }
    }

    static void words(String tag, String value, Set<String> out) {
        for (String w : value.split("[\\s,;:\"()<>\\[\\]]+")) {
            if (!w.isEmpty()) {
                out.add(Tokenizer.cap(tag + w.toLowerCase(Locale.ROOT)));
            }
        }
    }

    private static void address(String name, String value, Set<String> out) {
        String tag = name.equals("from") || name.equals("sender") ? "from:" : name + ":";
        String lower = value.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at >= 0) {
            int end = at + 1;
            while (end < lower.length() && (Character.isLetterOrDigit(lower.charAt(end)) || lower.charAt(end) == '.'
                    || lower.charAt(end) == '-')) {
                end++;
            }
            out.add(Tokenizer.cap(tag + "dom:" + lower.substring(at + 1, end)));
        } else {
            out.add(tag + "no-address");
        }
        words(tag, value.replace('@', ' '), out);
        if (name.equals("to") || name.equals("cc")) {
            out.add(tag + "count:" + Math.min(10, value.split(",").length));
        }
    }

    private static void messageId(String value, Set<String> out) {
        int at = value.lastIndexOf('@');
        int end = value.lastIndexOf('>');
        if (at >= 0 && end > at) {
            out.add(Tokenizer.cap("mid:dom:" + value.substring(at + 1, end).toLowerCase(Locale.ROOT)));
        }
        out.add(Tokenizer.cap("mid:" + Shapes.of(at > 0 ? value.substring(0, at) : value)));
    }
}
