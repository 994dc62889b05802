// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.store.BayesTokens.TokenTally;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link BayesTokens} does: the statistical filter's state, shared through the store. */
public interface BayesTokensContract extends StoreFixture {

    @Test
    default void learningCountsTokensAndMessagesAndRemembersTheKey() {
        BayesTokens b = store().bayes();
        b.apply("k1", "SPAM", List.of("viagra", "cheap"), 1);
        b.apply("k2", "SPAM", List.of("cheap"), 1);
        b.apply("k3", "HAM", List.of("cheap", "meeting"), 1);

        assertThat(b.totals()).isEqualTo(new TokenTally(2, 1));
        assertThat(b.counts(List.of("cheap", "viagra", "never-seen")))
                .containsOnly(Map.entry("cheap", new TokenTally(2, 1)), Map.entry("viagra", new TokenTally(1, 0)));
        assertThat(b.learnedAs("k3")).contains("HAM");
        assertThat(b.learnedAs("k9")).isEmpty();
    }

    @Test
    default void forgettingUndoesLearningAndNeverGoesNegative() {
        BayesTokens b = store().bayes();
        b.apply("k1", "SPAM", List.of("cheap"), 1);
        b.apply("k1", "SPAM", List.of("cheap"), -1);
        b.apply("k1", "HAM", List.of("cheap"), 1);
        b.apply("k2", "SPAM", List.of("odd"), -1);

        assertThat(b.totals()).isEqualTo(new TokenTally(0, 1));
        assertThat(b.counts(List.of("cheap", "odd"))).containsOnly(Map.entry("cheap", new TokenTally(0, 1)));
        assertThat(b.learnedAs("k1")).contains("HAM");
    }

    @Test
    default void manyTokensAreLookedUpInChunksAndListedWhole() {
        BayesTokens b = store().bayes();
        List<String> tokens = java.util.stream.IntStream.range(0, 1_234).mapToObj(i -> "t" + i).toList();
        b.apply("big", "HAM", tokens, 1);

        assertThat(b.counts(tokens)).hasSize(1_234);
        Map<String, TokenTally> all = new HashMap<>();
        b.forEach(all::put);
        assertThat(all).hasSize(1_234).containsEntry("t1233", new TokenTally(0, 1));
    }

    @Test
    default void badLabelOrDeltaIsRefused() {
        assertThatThrownBy(() -> store().bayes().apply("k", "spam'; DROP TABLE x", List.of("a"), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().bayes().apply("k", "HAM", List.of("a"), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
