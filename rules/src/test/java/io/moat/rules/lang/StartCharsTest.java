// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartCharsTest {
    private static StartChars of(String regex) {
        return StartChars.of(regex, 0);
    }

    @Test
    void aWordBoundaryIsSteppedOverAndAlternativesAreJoined() {
        StartChars s = of("\\b(?:earn|make)\\s+money|\\bfinancial\\b");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.next("zz earn", 0)).isEqualTo(3);
        assertThat(s.next("xx mfe", 4)).isEqualTo(4);
        assertThat(s.next("zzz", 0)).isEqualTo(-1);
    }

    @Test
    void aLeadingWordBoundarySkipsPositionsInsideWords() {
        assertThat(of("\\bfree").next("carefree free", 0)).isEqualTo(9);
        assertThat(of("\\bfree|fr").next("carefree free", 0)).isEqualTo(4);
        assertThat(of("\\b(?:free|[0-9])").next("x9 9", 0)).isEqualTo(3);
        assertThat(of("\\b(?:free|\\$)").next("carefree", 0)).isEqualTo(4);
        assertThat(of("\\bfree").next("caf\u00e9free", 0)).isEqualTo(4);
    }

    @Test
    void optionalAtomsAddTheNextOne() {
        StartChars s = of("(?:\\b|\\s)[_\\W]{0,3}v[_\\W]?x");
        assertThat(s.next("abc v", 0)).isEqualTo(3);
        assertThat(s.next("abcvx", 0)).isEqualTo(3);
        assertThat(s.next("abcdx", 0)).isEqualTo(-1);
    }

    @Test
    void caseFoldingAppliesToTheStartSet() {
        StartChars s = StartChars.of("\\bfree\\b", Pattern.CASE_INSENSITIVE);
        assertThat(s.next("100% FREE", 0)).isEqualTo(5);
        assertThat(of("\\bfree\\b").next("100% FREE", 0)).isEqualTo(-1);
    }

    @Test
    void classesAndEscapesAreCopiedAndCharactersAboveLatin1AreAlwaysTried() {
        StartChars s = of("[\\x{a1}-\\x{ff}]{10}|\\$\\s?\\d");
        assertThat(s.next("pay $5", 0)).isEqualTo(4);
        assertThat(s.next("caf\u00e9", 0)).isEqualTo(3);
        assertThat(s.next("\u20ac", 0)).isEqualTo(0);
    }

    @Test
    void lookaroundIsZeroWidth() {
        StartChars s = of("(?<![-\\d])(?=\\d)7\\d");
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    void patternsItCannotReadOrThatMatchEmptyGiveAny() {
        assertThat(of("a*").isAny()).isTrue();
        assertThat(of(".{5}x").isAny()).isTrue();
        assertThat(of("(a)\\1").isAny()).isFalse();
        assertThat(of("\\1a").isAny()).isTrue();
        assertThat(of("(?i)abc").isAny()).isTrue();
        assertThat(of("\\Gabc").isAny()).isTrue();
        assertThat(of("\\bfoo|").isAny()).isTrue();
        assertThat(StartChars.of("a b", Pattern.COMMENTS).isAny()).isTrue();
    }

    @Test
    void theRestOfABranchAfterItsFirstAtomMayBeAnything() {
        StartChars s = of("x.*(?i)\\1[^]]|y");
        assertThat(s.isAny()).isFalse();
        assertThat(s.size()).isEqualTo(2);
    }
}
