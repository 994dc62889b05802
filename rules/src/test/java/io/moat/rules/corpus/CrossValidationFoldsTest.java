// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationFoldsTest {
    private static List<LabelledMessage> corpus() {
        List<LabelledMessage> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Kind kind = i % 4 == 0 ? Kind.SPAM : Kind.HAM;
            byte[] bytes = ("Subject: m" + i + "\n\nbody\n").getBytes(StandardCharsets.US_ASCII);
            out.add(new LabelledMessage(new CorpusMessage("/corpus/" + kind + "/" + i + ".txt", bytes), kind));
        }
        return out;
    }

    @Test
    void eachKindIsSpreadEvenlyOverTheFoldsWhateverTheSeed() {
        for (int seed : new int[] {0, 1, 7}) {
            int[] fold = CrossValidation.assignFolds(corpus(), 5, seed);
            for (Kind kind : List.of(Kind.SPAM, Kind.HAM)) {
                int[] perFold = new int[5];
                List<LabelledMessage> c = corpus();
                for (int i = 0; i < c.size(); i++) {
                    if (c.get(i).kind() == kind) {
                        perFold[fold[i]]++;
                    }
                }
                int expected = kind == Kind.SPAM ? 2 : 6;
                assertThat(perFold).as("seed %d, %s", seed, kind).containsOnly(expected);
            }
        }
    }

    @Test
    void theSameSeedDealsTheSameFoldsAndAnotherSeedDealsOthers() {
        int[] a = CrossValidation.assignFolds(corpus(), 5, 0);
        assertThat(CrossValidation.assignFolds(corpus(), 5, 0)).isEqualTo(a);
        assertThat(Arrays.equals(CrossValidation.assignFolds(corpus(), 5, 1), a)).isFalse();
    }
}
