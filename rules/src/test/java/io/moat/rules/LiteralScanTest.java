// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralScanTest {
    @Test
    void eachLiteralsFirstOccurrenceIsFoundInOnePassIncludingOverlapsAndSuffixes() {
        LiteralScan scan = new LiteralScan(List.of("he", "she", "his", "hers", "xyz"));
        assertThat(scan.firstOccurrences("ushers")).containsExactly(2, 1, -1, 2, -1);
        assertThat(scan.firstOccurrences("")).containsExactly(-1, -1, -1, -1, -1);
    }

    @Test
    void charactersNoLiteralHasResetTheScan() {
        LiteralScan scan = new LiteralScan(List.of("caf\u00e9", "ab"));
        assertThat(scan.firstOccurrences("ca\u20acf\u00e9 caf\u00e9 a\u00e9b ab")).containsExactly(6, 15);
    }

    @Test
    void itAgreesWithIndexOfOnRandomText() {
        Random random = new Random(7);
        List<String> literals = List.of("abc", "bca", "cab", "aab", "abab", "bb", "c", "babab");
        LiteralScan scan = new LiteralScan(literals);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append("abcd".charAt(random.nextInt(4)));
            }
            int[] expected = literals.stream().mapToInt(l -> text.indexOf(l)).toArray();
            assertThat(scan.firstOccurrences(text.toString())).as(text.toString()).containsExactly(expected);
        }
    }
}
