// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import io.moat.rules.ComputedSymbols;
import io.moat.rules.lang.LoadResult;
import io.moat.rules.lang.RuleSet;
import io.moat.rules.lang.RuleSetLoader;
import io.moat.rules.lang.RuleSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Which rule files a command loads, in order: SpamAssassin's if asked for (first, so Moat's
 * weights for the statistical filter's BAYES_* buckets win over SpamAssassin's), Moat's
 * defaults, then the admin's files.
 */
public final class RuleOptions {
    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule file, or a folder of *.cf files, loaded after the defaults (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-default-rules", description = "Do not load Moat's default rules.")
    boolean noDefaults;

    @Option(names = "--spamassassin-rules", paramLabel = "DIR", arity = "0..1",
            fallbackValue = "/usr/share/spamassassin",
            description = "Also load SpamAssassin's installed rules (default folder: ${FALLBACK-VALUE}).")
    @Nullable Path spamAssassin;

    /** The rule set, or null after printing every error (file:line: reason) to {@code err}. */
    public @Nullable RuleSet loadOrReport(java.io.PrintWriter err) throws IOException {
        return switch (load()) {
            case LoadResult.Refused r -> {
                r.errors().forEach(e -> err.println("moat: " + e));
                yield null;
            }
            case LoadResult.Loaded l -> l.rules();
        };
    }

    public LoadResult load() throws IOException {
        List<RuleSource> sources = new ArrayList<>();
        if (spamAssassin != null) {
            sources.addAll(RuleSource.from(spamAssassin));
        }
        if (!noDefaults) {
            sources.addAll(RuleSource.defaults());
        }
        for (Path p : rules) {
            sources.addAll(RuleSource.from(p));
        }
        return RuleSetLoader.load(sources, new HashSet<>(ComputedSymbols.ALL));
    }
}
