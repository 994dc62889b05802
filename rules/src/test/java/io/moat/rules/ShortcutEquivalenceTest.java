// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moat.rules.lang.LoadResult;
import io.moat.rules.lang.RuleSet;
import io.moat.rules.lang.RuleSetLoader;
import io.moat.rules.lang.RuleSource;
import io.moat.rules.message.Message;
import io.moat.rules.message.MessageParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's shortcuts (literal prefilters, anchored tries at leading literals) change no
 * result: on every message of the committed sample, each rule hits as often with them as when
 * every regex runs over its whole text.
 */
class ShortcutEquivalenceTest {
    private static final Path SAMPLES = Path.of("../test-corpus/samples");
    private static final Path SPAMASSASSIN = Path.of("/usr/share/spamassassin");

    @Test
    void theDefaultRulesHitTheSameWithAndWithoutShortcuts() throws IOException {
        assertSameHits(load(RuleSource.defaults()), 1);
    }

    @Test
    void spamAssassinsInstalledRulesHitTheSameWithAndWithoutShortcuts() throws IOException {
        assumeTrue(Files.isDirectory(SPAMASSASSIN), "SpamAssassin's rules are not installed here");
        List<RuleSource> sources = new ArrayList<>(RuleSource.from(SPAMASSASSIN));
        sources.addAll(RuleSource.defaults());
        assertSameHits(load(sources), 2);
    }

    private static void assertSameHits(RuleSet rules, int every) throws IOException {
        RuleEvaluator fast = new RuleEvaluator(rules);
        RuleEvaluator plain = new RuleEvaluator(rules, false);
        List<Message> messages = sample(every);
        assertThat(messages).hasSizeGreaterThan(100);
        int hits = 0;
        for (Message m : messages) {
            Map<String, Integer> expected = plain.hits(m, Map.of());
            assertThat(fast.hits(m, Map.of())).as(m.subject()).containsExactlyEntriesOf(expected);
            hits += expected.size();
        }
        assertThat(hits).as("rules hit in all").isGreaterThan(messages.size());
    }

    private static RuleSet load(List<RuleSource> sources) {
        return ((LoadResult.Loaded) RuleSetLoader.load(sources, new HashSet<>(ComputedSymbols.ALL))).rules();
    }

    /** Every {@code every}-th message of the sample, parsed. */
    private static List<Message> sample(int every) throws IOException {
        List<Message> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            List<Path> messages = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            for (int i = 0; i < messages.size(); i += every) {
                out.add(MessageParser.parse(Files.readAllBytes(messages.get(i))));
            }
        }
        return out;
    }
}
