// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.rules.message.Message;
import io.moat.rules.message.MessageParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A packed copy answers every lookup, and so every classification, as the store it copies. */
class PackedTokenStoreTest {
    private static final Path SAMPLES = Path.of("../test-corpus/samples");

    @Test
    void everyCorpusTokenHasTheCountsOfTheCopiedStoreAndEveryVerdictIsTheSame() throws IOException {
        List<Message> spam = messages("spam");
        List<Message> ham = messages("ham");
        MemoryTokenStore memory = new MemoryTokenStore();
        Learner learner = new Learner(memory, new Tokenizer());
        for (int i = 0; i < spam.size(); i += 2) {
            learner.learn(spam.get(i), Label.SPAM);
        }
        for (int i = 0; i < ham.size(); i += 2) {
            learner.learn(ham.get(i), Label.HAM);
        }
        TokenStore packed = PackedTokenStore.of(memory);
        assertThat(packed).isInstanceOf(PackedTokenStore.class);
        assertThat(packed.totals()).isEqualTo(memory.totals());
        int known = 0;
        List<Message> all = new ArrayList<>(spam);
        all.addAll(ham);
        for (Message m : all) {
            Set<String> tokens = new Tokenizer().tokens(m);
            Map<String, TokenCounts> expected = memory.counts(tokens);
            assertThat(packed.counts(tokens)).isEqualTo(expected);
            for (String t : tokens) {
                assertThat(packed.counts(t)).isEqualTo(memory.counts(t));
            }
            assertThat(ChiSquareClassifier.DEFAULT.classify(tokens, packed))
                    .isEqualTo(ChiSquareClassifier.DEFAULT.classify(tokens, memory));
            known += expected.size();
        }
        assertThat(known).as("tokens found").isGreaterThan(10_000);
        assertThat(packed.learnedAs(Learner.key(spam.getFirst()))).contains(Label.SPAM);
        assertThat(packed.learnedAs(Learner.key(spam.get(1)))).isEmpty();
    }

    @Test
    void aFileStoreIsPackedFromWhatItHoldsAndTheCopyIsReadOnly(@TempDir Path dir) throws IOException {
        FileTokenStore file = FileTokenStore.open(dir.resolve("bayes.state"));
        file.apply("m1", Label.SPAM, List.of("cheap", "offer", "x".repeat(300)), 1);
        file.apply("m2", Label.HAM, List.of("cheap", "meeting"), 1);
        TokenStore packed = PackedTokenStore.of(file);
        assertThat(packed.counts(List.of("cheap", "offer", "meeting", "absent", "x".repeat(300))))
                .isEqualTo(file.counts(List.of("cheap", "offer", "meeting", "absent", "x".repeat(300))));
        assertThat(packed.counts("absent")).isEqualTo(TokenCounts.NONE);
        assertThatThrownBy(() -> packed.apply("m3", Label.HAM, List.of("x"), 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyStoreAndOneOfAnotherKindAreHandledAsThemselves() {
        TokenStore empty = PackedTokenStore.of(new MemoryTokenStore());
        assertThat(empty.totals()).isEqualTo(TokenCounts.NONE);
        assertThat(empty.counts(List.of("a"))).isEmpty();
        TokenStore other = new TokenStore() {
            @Override
            public TokenCounts totals() {
                return TokenCounts.NONE;
            }

            @Override
            public TokenCounts counts(String token) {
                return TokenCounts.NONE;
            }

            @Override
            public Map<String, TokenCounts> counts(Collection<String> tokens) {
                return Map.of();
            }

            @Override
            public Optional<Label> learnedAs(String messageKey) {
                return Optional.empty();
            }

            @Override
            public void apply(String messageKey, Label label, Collection<String> tokens, int delta) {
            }
        };
        assertThat(PackedTokenStore.of(other)).isSameAs(other);
    }

    private static List<Message> messages(String kind) throws IOException {
        List<Message> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES.resolve(kind))) {
            for (Path p : files.sorted().toList()) {
                out.add(MessageParser.parse(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
