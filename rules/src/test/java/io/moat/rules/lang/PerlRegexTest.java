// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PerlRegexTest {
    private static Pattern ok(String perl, String flags) {
        RegexTranslation t = PerlRegex.translate(perl, flags);
        assertThat(t).isInstanceOf(RegexTranslation.Translated.class);
        return ((RegexTranslation.Translated) t).pattern();
    }

    private static String refused(String perl) {
        RegexTranslation t = PerlRegex.translate(perl, "");
        assertThat(t).isInstanceOf(RegexTranslation.Untranslatable.class);
        return ((RegexTranslation.Untranslatable) t).reason();
    }

    @Test
    void modifiersBecomeJavaFlags() {
        assertThat(ok("free", "i").matcher("FREE money").find()).isTrue();
        assertThat(ok("^b", "m").matcher("a\nb").find()).isTrue();
        assertThat(ok("a.b", "s").matcher("a\nb").find()).isTrue();
        assertThat(ok("a b # comment", "x").matcher("ab").find()).isTrue();
    }

    @Test
    void aLiteralBraceIsEscapedButQuantifiersStay() {
        assertThat(ok("\\${name}", "").matcher("${name}").find()).isTrue();
        assertThat(ok("a{2,3}", "").matcher("aaa").matches()).isTrue();
        assertThat(ok("x{,2}", "").matcher("xx").matches()).isTrue();
    }

    @Test
    void posixClassesHexAndOctalEscapesAreRewritten() {
        assertThat(ok("[[:alpha:]]+[[:digit:]]", "").matcher("abc1").matches()).isTrue();
        assertThat(ok("[[:^space:]]", "").matcher(" ").matches()).isFalse();
        assertThat(ok("\\x41\\x{42}\\103", "").matcher("ABC").matches()).isTrue();
        assertThat(ok("\\N+", "").matcher("abc").matches()).isTrue();
    }

    @Test
    void commentsAndPythonStyleGroupsAreTranslated() {
        assertThat(ok("a(?#note)b", "").matcher("ab").matches()).isTrue();
        assertThat(ok("(?P<w>x)(?P=w)", "").matcher("xx").matches()).isTrue();
        assertThat(ok("(?^i:ab)", "").matcher("AB").matches()).isTrue();
        assertThat(ok("(?<to_addr>x+)-\\k<to_addr>", "").matcher("xx-xx").matches()).isTrue();
        assertThat(ok("(?'a_b'y)\\k{a_b}", "").matcher("yy").matches()).isTrue();
        assertThat(ok("(?<=a)b", "").matcher("ab").find()).isTrue();
    }

    @Test
    void unknownLetterEscapesAreTheLetter() {
        assertThat(ok("\\y\\i", "").matcher("yi").matches()).isTrue();
    }

    @Test
    void constructsJavaLacksAreReportedWithAReason() {
        assertThat(refused("foo\\Kbar")).contains("\\K");
        assertThat(refused("(?|a|b)")).contains("branch reset");
        assertThat(refused("a(?R)?b")).contains("recursion");
        assertThat(refused("(?{ print 1 })")).contains("embedded Perl code");
        assertThat(refused("\\Ufoo")).contains("\\U");
        assertThat(PerlRegex.translate("a", "e")).isInstanceOf(RegexTranslation.Untranslatable.class);
    }

    @Test
    void whatJavaRejectsIsReportedNotThrown() {
        assertThat(refused("(unclosed")).startsWith("Java rejects it");
    }

    @Test
    void requiredLiteralsAreFoundConservatively() {
        assertThat(literals("\\b(?:viagra|cialis)\\b", "i")).containsExactlyInAnyOrder("viagra", "cialis");
        assertThat(literals("click\\s+here", "i")).hasSize(1).first().isIn("click", "here");
        assertThat(literals("Money", "i")).containsExactly("money");
        assertThat(literals("ab?c", "")).isEmpty();
        assertThat(literals("(?:foo)?bar", "")).containsExactly("bar");
        assertThat(literals("foo|b", "")).isEmpty();
        assertThat(literals("x{10,20}abc", "")).containsExactly("abc");
    }

    @Test
    void leadingLiteralsAreFoundOnlyWhenEveryBranchStartsWithOne() {
        assertThat(leading("\\b(?:earn|make)\\s+money|\\bfinancial\\s+freedom", "i")).containsExactly("earn", "make", "financial");
        assertThat(leading("^Subject line", "i")).containsExactly("subject line");
        assertThat(leading("foo|\\d+bar", "")).isEmpty();
        assertThat(leading("(?:ab)?cdef", "")).isEmpty();
        assertThat(leading("(?<=x)abc", "")).isEmpty();
    }

    private static java.util.List<String> leading(String perl, String flags) {
        return ((RegexTranslation.Translated) PerlRegex.translate(perl, flags)).leadingLiterals();
    }

    private static java.util.List<String> literals(String perl, String flags) {
        return ((RegexTranslation.Translated) PerlRegex.translate(perl, flags)).requiredLiterals();
    }
}
