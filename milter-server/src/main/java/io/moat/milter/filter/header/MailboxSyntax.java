// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A lenient reader of the first mailbox in an address field (RFC 5322 3.4): comments removed,
 * {@code Name <addr-spec>} or a bare addr-spec, with a dot-atom or quoted local part and a
 * dot-atom or literal domain. Lenient on what real mail does, strict on what has no address.
 */
public final class MailboxSyntax {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final Pattern ADDR_SPEC = Pattern.compile(
            "(" + ATEXT + "+(\\." + ATEXT + "+)*\\.?|\"([^\"\\\\]|\\\\.)*\")@(" + ATEXT + "+(\\." + ATEXT + "+)*|\\[[^\\[\\]]*\\])");

    private MailboxSyntax() {
    }

    /** The addr-spec of the first mailbox in the field, lower-cased domain; empty if there is none. */
    public static Optional<String> firstAddress(String value) {
        String v = stripComments(value.replace("\n", " ")).strip();
        int lt = v.indexOf('<');
        String spec;
        if (lt >= 0) {
            int gt = v.indexOf('>', lt);
            if (gt < 0) {
                return Optional.empty();
            }
            spec = v.substring(lt + 1, gt).strip();
            int colon = spec.lastIndexOf(':'); // obsolete source route @a,@b:user@host
            if (spec.startsWith("@") && colon > 0) {
                spec = spec.substring(colon + 1);
            }
        } else {
            int comma = v.indexOf(',');
            spec = (comma >= 0 ? v.substring(0, comma) : v).strip();
        }
        return ADDR_SPEC.matcher(spec).matches() ? Optional.of(spec) : Optional.empty();
    }

    public static Optional<String> domainOf(String value) {
        return firstAddress(value).map(a -> a.substring(a.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
    }

    /** Removes (comments), which may nest, outside quoted strings. */
    static String stripComments(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                if (depth == 0) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                sb.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
