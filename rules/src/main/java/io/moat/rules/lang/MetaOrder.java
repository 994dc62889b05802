// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Orders rules so every meta comes after the rules it reads, and finds cycles and dangling names. */
final class MetaOrder {
    private MetaOrder() {
    }

    /** A rule that takes part in a dependency cycle, if there is one. */
    static Optional<String> sort(Map<String, Rule> rules, Set<String> external) {
        Map<String, Integer> state = new HashMap<>();
        for (String name : rules.keySet()) {
            Optional<String> cycle = visit(name, rules, state, new ArrayList<>());
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    /** The rules, tests first in definition order, then metas with dependencies first. */
    static List<Rule> ordered(Map<String, Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules.values()) {
            if (!(r instanceof Rule.Meta)) {
                out.add(r);
            }
        }
        Set<String> done = new LinkedHashSet<>();
        for (Rule r : rules.values()) {
            if (r instanceof Rule.Meta) {
                addMeta(r.name(), rules, done, out);
            }
        }
        return out;
    }

    private static void addMeta(String name, Map<String, Rule> rules, Set<String> done, List<Rule> out) {
        if (!(rules.get(name) instanceof Rule.Meta meta) || !done.add(name)) {
            return;
        }
        Set<String> refs = new LinkedHashSet<>();
        meta.expression().references(refs);
        for (String ref : refs) {
            addMeta(ref, rules, done, out);
        }
        out.add(meta);
    }

    static List<Problem> undefinedReferences(Map<String, Rule> rules, Set<String> external, Map<String, String> where) {
        List<Problem> out = new ArrayList<>();
        for (Rule r : rules.values()) {
            if (r instanceof Rule.Meta meta) {
                Set<String> refs = new LinkedHashSet<>();
                meta.expression().references(refs);
                for (String ref : refs) {
                    if (!rules.containsKey(ref) && !external.contains(ref)) {
                        out.add(new Problem(where.getOrDefault(r.name(), "?"), 0,
                                "meta " + r.name() + " reads undefined rule " + ref + " (counts as not hit)"));
                    }
                }
            }
        }
        return out;
    }

    private static Optional<String> visit(String name, Map<String, Rule> rules, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(name);
        if (s != null) {
            return s == 1 ? Optional.of(name) : Optional.empty();
        }
        if (!(rules.get(name) instanceof Rule.Meta meta)) {
            state.put(name, 2);
            return Optional.empty();
        }
        state.put(name, 1);
        Set<String> refs = new LinkedHashSet<>();
        meta.expression().references(refs);
        for (String ref : refs) {
            Optional<String> cycle = visit(ref, rules, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        state.put(name, 2);
        return Optional.empty();
    }
}
