// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Loads rule files into one {@link RuleSet}, in order (a later definition or score of a name
 * replaces an earlier one). If any file has an error, nothing is loaded: the result is
 * {@link LoadResult.Refused} with every error, so a caller keeps its old rule set live.
 */
public final class RuleSetLoader {
    private RuleSetLoader() {
    }

    /**
     * @param external symbols that are not rules but that metas may read (the Bayes buckets)
     */
    public static LoadResult load(List<RuleSource> sources, Set<String> external) {
        List<ParsedFile> files = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (RuleSource s : sources) {
            ParsedFile f = RuleFileParser.parse(s.name(), s.text());
            files.add(f);
            errors.addAll(f.errors());
            warnings.addAll(f.warnings());
        }
        if (!errors.isEmpty()) {
            return new LoadResult.Refused(errors);
        }
        Builder b = new Builder();
        files.forEach(b::apply);
        return MetaOrder.sort(b.rules, external).<LoadResult>map(cycle -> new LoadResult.Refused(List.of(
                new Problem(b.where.getOrDefault(cycle, "?"), 0, "meta " + cycle + " depends on itself"))))
                .orElseGet(() -> {
                    warnings.addAll(MetaOrder.undefinedReferences(b.rules, external, b.where));
                    return new LoadResult.Loaded(b.build(), warnings);
                });
    }

    /** Applies statements in order. */
    private static final class Builder {
        final Map<String, Rule> rules = new LinkedHashMap<>();
        final Map<String, String> where = new HashMap<>();
        final Map<String, Double> scores = new HashMap<>();
        final Map<String, String> descriptions = new HashMap<>();
        final Map<String, Set<String>> tflags = new HashMap<>();
        final Map<String, Unsupported> unsupported = new LinkedHashMap<>();
        OptionalDouble required = OptionalDouble.empty();

        void apply(ParsedFile f) {
            for (Statement s : f.statements()) {
                switch (s) {
                    case Statement.Define d -> {
                        rules.put(d.rule().name(), d.rule());
                        unsupported.remove(d.rule().name());
                        where.put(d.rule().name(), f.file());
                    }
                    case Statement.Score sc -> scores.put(sc.rule(), sc.weight());
                    case Statement.Describe d -> descriptions.put(d.rule(), d.text());
                    case Statement.Tflags t -> tflags.put(t.rule(), t.flags());
                    case Statement.Skip sk -> {
                        rules.remove(sk.unsupported().rule());
                        unsupported.put(sk.unsupported().rule(), sk.unsupported());
                    }
                    case Statement.RequiredScore r -> required = OptionalDouble.of(r.threshold());
                }
            }
        }

        RuleSet build() {
            return new RuleSet(MetaOrder.ordered(rules), scores, descriptions, tflags,
                    List.copyOf(unsupported.values()), required);
        }
    }
}
