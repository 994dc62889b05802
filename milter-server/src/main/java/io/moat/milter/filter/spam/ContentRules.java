// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.spam;

import io.moat.rules.ComputedSymbols;
import io.moat.rules.ContentScorer;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.bayes.FileTokenStore;
import io.moat.rules.bayes.MemoryTokenStore;
import io.moat.rules.bayes.TokenStore;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.lang.LoadResult;
import io.moat.rules.lang.Problem;
import io.moat.rules.lang.RuleSetLoader;
import io.moat.rules.lang.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live content scorer (rules plus statistical filter), swapped whole on reload. A reload
 * that fails (a rule file with an error, an unreadable state file) changes nothing: the old set
 * stays live and the reason is logged with file and line.
 */
public final class ContentRules {
    private static final Logger LOG = LoggerFactory.getLogger(ContentRules.class);
    private final RulesSettings settings;
    private final TokenSource tokens;
    private final AtomicReference<ContentScorer> live = new AtomicReference<>();

    /** Where the statistical filter's state is loaded from, at start and at every reload. */
    @FunctionalInterface
    public interface TokenSource {
        TokenStore load() throws IOException;
    }

    public ContentRules(RulesSettings settings) throws IOException {
        this(settings, null);
    }

    /** With {@code shared} as the state when the settings say it is in the store. */
    public ContentRules(RulesSettings settings, @org.jspecify.annotations.Nullable TokenSource shared) throws IOException {
        this.settings = settings;
        this.tokens = settings.bayesShared() && shared != null ? shared : this::fileState;
        live.set(build());
    }

    public ContentScorer current() {
        return live.get();
    }

    /** Loads the rules and state again; returns false (and keeps the old set) when they are broken. */
    public boolean reload() {
        try {
            ContentScorer next = build();
            live.set(next);
            LOG.info("rules reloaded: {} rules", next.rules().rules().size());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("rules reload refused, the previous rules stay live: {}", e.getMessage());
            return false;
        }
    }

    private ContentScorer build() throws IOException {
        if (!settings.enabled()) {
            return new ContentScorer(io.moat.rules.lang.RuleSet.EMPTY, new MemoryTokenStore(), new Tokenizer(), ChiSquareClassifier.DEFAULT);
        }
        List<RuleSource> sources = new ArrayList<>();
        // SpamAssassin's files first, so Moat's own scores (its BAYES_* weights above all) win.
        if (settings.spamAssassin() != null) {
            sources.addAll(RuleSource.from(settings.spamAssassin()));
        }
        if (settings.defaults()) {
            sources.addAll(RuleSource.defaults());
        }
        for (Path p : settings.paths()) {
            if (Files.exists(p)) {
                sources.addAll(RuleSource.from(p));
            }
        }
        return switch (RuleSetLoader.load(sources, new HashSet<>(ComputedSymbols.ALL))) {
            case LoadResult.Loaded l -> {
                l.warnings().forEach(w -> LOG.warn("rules: {}", w));
                yield new ContentScorer(l.rules(), tokens.load(), new Tokenizer(), ChiSquareClassifier.DEFAULT);
            }
            case LoadResult.Refused r -> throw new IOException("rule files refused: "
                    + r.errors().stream().map(Problem::toString).collect(Collectors.joining("; ")));
        };
    }

    private TokenStore fileState() throws IOException {
        Path file = settings.bayesState();
        if (file == null || !Files.exists(file)) {
            if (file != null) {
                LOG.warn("statistical filter state {} not found: the filter is untrained (train it with moat learn)", file);
            }
            return new MemoryTokenStore();
        }
        return FileTokenStore.open(file);
    }
}
