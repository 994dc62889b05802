// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import io.moat.rules.lang.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The literals of all text rules of a rule set, gathered per text they are looked up in (body,
 * rawbody or full, lower-cased or not), each gathering with one {@link LiteralScan}, so a
 * message's text is scanned once for all rules' literals instead of once per literal.
 */
final class LiteralIndex {
    private static final int KEYS = Rule.Target.values().length * 2;
    private static final int[] NONE = new int[0];

    private final LiteralScan[] scans = new LiteralScan[KEYS];
    private final int[][] required;
    private final int[][] leading;

    /** @param rules the rule set's rules; rules are then named by their index in this list */
    LiteralIndex(List<Rule> rules) {
        List<Map<String, Integer>> ids = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            ids.add(new HashMap<>());
        }
        required = new int[rules.size()][];
        leading = new int[rules.size()][];
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof Rule.TextTest t && t.target() != Rule.Target.URI) {
                Map<String, Integer> known = ids.get(key(t));
                required[i] = idsOf(t.literals(), known);
                leading[i] = idsOf(t.leading(), known);
            } else {
                required[i] = NONE;
                leading[i] = NONE;
            }
        }
        for (int k = 0; k < KEYS; k++) {
            String[] byId = new String[ids.get(k).size()];
            ids.get(k).forEach((literal, id) -> byId[id] = literal);
            scans[k] = new LiteralScan(List.of(byId));
        }
    }

    private static int[] idsOf(List<String> literals, Map<String, Integer> known) {
        return literals.stream().mapToInt(l -> known.computeIfAbsent(l, x -> known.size())).toArray();
    }

    /** Which scan (and which per-message text) serves a rule: its target, lower-cased or not. */
    static int key(Rule.TextTest t) {
        return t.target().ordinal() * 2 + (t.literalsIgnoreCase() ? 1 : 0);
    }

    static int keys() {
        return KEYS;
    }

    LiteralScan scan(int key) {
        return scans[key];
    }

    /** Whether one of rule {@code i}'s required literals occurs, given its text's first occurrences. */
    boolean anyRequired(int i, int[] first) {
        for (int id : required[i]) {
            if (first[id] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The first occurrence of each of rule {@code i}'s leading literals, in their order (-1: none). */
    int[] leadingStarts(int i, int[] first) {
        int[] ids = leading[i];
        int[] starts = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            starts[k] = first[ids[k]];
        }
        return starts;
    }
}
