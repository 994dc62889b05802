// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Macro values by the stage they arrived for. A lookup searches the newest stage first, as
 * libmilter does. Values are scoped: a new message clears every stage from MAIL on, so a queue id
 * never survives into the next message.
 */
public final class Macros {
    /** Stage bytes in SMTP order: connect, helo, mail, rcpt, data, header, eoh, body, eom, unknown. */
    private static final String ORDER = "CHMRTLNBEU";

    @SuppressWarnings("unchecked")
    private final Map<String, String>[] byStage = new Map[ORDER.length()];

    /** Replaces the values of one stage, as each MACRO packet does. Unknown stages are kept last. */
    public void define(char stage, Map<String, String> values) {
        int i = ORDER.indexOf(stage);
        byStage[i < 0 ? ORDER.length() - 1 : i] = values.isEmpty() ? null : new HashMap<>(values);
    }

    /** The value of a macro; {@code "client_addr"} and {@code "{client_addr}"} name the same one. */
    public Optional<String> get(String name) {
        String bare = name.startsWith("{") && name.endsWith("}") ? name.substring(1, name.length() - 1) : name;
        String braced = "{" + bare + "}";
        for (int i = byStage.length - 1; i >= 0; i--) {
            Map<String, String> m = byStage[i];
            if (m != null) {
                String v = m.get(bare);
                if (v == null) {
                    v = m.get(braced);
                }
                if (v != null) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /** Forgets the given stage and every later one. */
    public void clearFrom(char stage) {
        int from = ORDER.indexOf(stage);
        for (int i = Math.max(from, 0); i < byStage.length; i++) {
            byStage[i] = null;
        }
    }

    public void clearAll() {
        clearFrom('C');
    }
}
