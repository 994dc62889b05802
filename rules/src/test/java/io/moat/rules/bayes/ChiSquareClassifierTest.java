// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChiSquareClassifierTest {
    private static MemoryTokenStore trained() {
        MemoryTokenStore store = new MemoryTokenStore();
        for (int i = 0; i < 30; i++) {
            store.apply("s" + i, Label.SPAM, Set.of("viagra", "cheap", "offer", "common"), 1);
            store.apply("h" + i, Label.HAM, Set.of("meeting", "patch", "kernel", "common"), 1);
        }
        return store;
    }

    @Test
    void spammyTokensGiveAHighProbabilityAndHammyOnesALowOne() {
        ChiSquareClassifier c = ChiSquareClassifier.DEFAULT;
        BayesVerdict spam = c.classify(List.of("viagra", "cheap", "offer", "common"), trained());
        BayesVerdict ham = c.classify(List.of("meeting", "patch", "kernel"), trained());
        assertThat(((BayesVerdict.Scored) spam).probability()).isGreaterThan(0.99);
        assertThat(((BayesVerdict.Scored) ham).probability()).isLessThan(0.01);
    }

    @Test
    void anUntrainedStoreIsAnsweredWithoutTokenisingTheMessage() {
        BayesVerdict v = ChiSquareClassifier.DEFAULT.classify(() -> {
            throw new AssertionError("tokenised although the store cannot judge");
        }, new MemoryTokenStore());
        assertThat(v).isInstanceOf(BayesVerdict.Untrained.class);
    }

    @Test
    void aTrainedStoreGetsTheSameVerdictFromSuppliedTokens() {
        List<String> tokens = List.of("viagra", "cheap", "meeting");
        assertThat(ChiSquareClassifier.DEFAULT.classify(() -> tokens, trained()))
                .isEqualTo(ChiSquareClassifier.DEFAULT.classify(tokens, trained()));
    }

    @Test
    void neutralTokensAreNotClues() {
        BayesVerdict v = ChiSquareClassifier.DEFAULT.classify(List.of("common", "viagra"), trained());
        assertThat(((BayesVerdict.Scored) v).clues()).extracting(Clue::token).containsExactly("viagra");
    }

    @Test
    void mixedEvidenceIsUnsureAndNoEvidenceIsExactlyHalf() {
        ChiSquareClassifier c = ChiSquareClassifier.DEFAULT;
        BayesVerdict mixed = c.classify(List.of("viagra", "meeting"), trained());
        assertThat(((BayesVerdict.Scored) mixed).probability()).isCloseTo(0.5, within(0.05));
        BayesVerdict none = c.classify(List.of("unknown"), trained());
        assertThat(((BayesVerdict.Scored) none).probability()).isEqualTo(0.5);
    }

    @Test
    void tooLittleTrainingIsSaidSo() {
        MemoryTokenStore store = new MemoryTokenStore();
        store.apply("s", Label.SPAM, Set.of("x"), 1);
        assertThat(ChiSquareClassifier.DEFAULT.classify(List.of("x"), store)).isInstanceOf(BayesVerdict.Untrained.class);
    }

    @Test
    void chiSquareTailMatchesKnownValues() {
        assertThat(ChiSquareClassifier.chiSquareQ(0, 4)).isEqualTo(1.0);
        assertThat(ChiSquareClassifier.chiSquareQ(2, 2)).isCloseTo(Math.exp(-1), within(1e-12));
        assertThat(ChiSquareClassifier.chiSquareQ(9.4877, 4)).isCloseTo(0.05, within(1e-4));
    }
}
