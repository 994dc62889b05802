// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetLoaderTest {
    private static LoadResult load(String... files) {
        List<RuleSource> sources = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(new RuleSource("f" + (i + 1) + ".cf", files[i]));
        }
        return RuleSetLoader.load(sources, Set.of("BAYES_99"));
    }

    private static RuleSet loaded(String... files) {
        LoadResult r = load(files);
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).rules();
    }

    private static List<String> errors(String... files) {
        LoadResult r = load(files);
        assertThat(r).isInstanceOf(LoadResult.Refused.class);
        return ((LoadResult.Refused) r).errors().stream().map(Problem::toString).toList();
    }

    @Test
    void aGoodFileLoadsEveryKindOfRule() {
        RuleSet rules = loaded("""
                # a comment
                header   SUBJ_FREE   Subject =~ /free/i
                header   FROM_NAME   From:name =~ /^Bob$/ [if-unset: nobody]
                header   HAS_XM      exists:X-Mailer
                header   NOT_LOCAL   From:addr !~ /\\@example\\.org$/
                header   RAW_NAME    From:name:raw =~ /=\\?/
                body     CLICK       /click here/i
                rawbody  FONT        m{<font}i
                uri      IP_URI      /^http:\\/\\/\\d+\\./
                full     TAG         /X-Tag: yes/
                meta     BOTH        SUBJ_FREE && (CLICK || BAYES_99)
                meta     COUNT       (SUBJ_FREE + CLICK + FONT) >= 2
                score    SUBJ_FREE   1.5
                score    CLICK       0 0 2.5 2.5
                describe CLICK       Asks to click
                tflags   CLICK       multiple maxhits=3
                ifplugin Mail::SpamAssassin::Plugin::Something
                body     INSIDE      /inside/
                endif
                """);
        assertThat(rules.rules()).extracting(Rule::name).containsExactly(
                "SUBJ_FREE", "FROM_NAME", "HAS_XM", "NOT_LOCAL", "RAW_NAME", "CLICK", "FONT", "IP_URI", "TAG", "INSIDE", "BOTH", "COUNT");
        assertThat(rules.weight("SUBJ_FREE")).isEqualTo(1.5);
        assertThat(rules.weight("CLICK")).isEqualTo(2.5);
        assertThat(rules.weight("FONT")).isEqualTo(1.0);
        assertThat(rules.weight("__SUB")).isZero();
        assertThat(rules.description("CLICK")).isEqualTo("Asks to click");
        assertThat(rules.maxHits("CLICK")).isEqualTo(3);
        Rule.HeaderTest fromName = (Rule.HeaderTest) rules.rules().get(1);
        assertThat(fromName.selector()).isEqualTo(new HeaderSelector("From", HeaderSelector.Part.NAME, false));
        assertThat(fromName.ifUnset()).isEqualTo("nobody");
        assertThat(((Rule.HeaderTest) rules.rules().get(3)).negated()).isTrue();
        assertThat(((Rule.HeaderTest) rules.rules().get(4)).selector()).isEqualTo(new HeaderSelector("From", HeaderSelector.Part.NAME, true));
    }

    @Test
    void aFileWithAnErrorIsRefusedWholeWithFileLineAndReason() {
        List<String> errors = errors("""
                body GOOD /fine/
                body BAD /unterminated
                score GOOD lots
                header NOTEST Subject free
                meta M (A &&
                """);
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("f1.cf:2: body BAD").contains("unterminated");
        assertThat(errors.get(1)).startsWith("f1.cf:3: score GOOD").contains("not a number");
        assertThat(errors.get(2)).startsWith("f1.cf:4:").contains("Field =~ /regex/");
        assertThat(errors.get(3)).startsWith("f1.cf:5:").contains("meta");
    }

    @Test
    void oneBadFileRefusesTheWholeSet() {
        assertThat(errors("body A /a/\n", "body B /b\n")).containsExactly(
                "f2.cf:1: body B: expected a /regex/ (or m{regex}), unterminated or missing: /b");
    }

    @Test
    void evalRulesAndUntranslatableRegexesAreListedAsUnsupported() {
        RuleSet rules = loaded("""
                header DATE_PAST  eval:check_for_past_date('96')
                body   KEEP       /keep\\Kthis/
                body   FINE       /fine/
                """);
        assertThat(rules.rules()).extracting(Rule::name).containsExactly("FINE");
        assertThat(rules.unsupported()).extracting(Unsupported::rule).containsExactly("DATE_PAST", "KEEP");
        assertThat(rules.unsupported().get(0).reason()).contains("eval:check_for_past_date");
        assertThat(rules.unsupported().get(1).toString()).contains("f1.cf:2").contains("\\K");
    }

    @Test
    void aMetaCycleIsRefused() {
        assertThat(errors("meta A B\nmeta B A\n")).singleElement().asString().contains("depends on itself");
    }

    @Test
    void metasComeAfterWhatTheyRead() {
        RuleSet rules = loaded("meta OUTER INNER && X\nmeta INNER X\nbody X /x/\n");
        assertThat(rules.rules()).extracting(Rule::name).containsExactly("X", "INNER", "OUTER");
    }

    @Test
    void unknownDirectivesAndUndefinedMetaReferencesAreWarningsOnly() {
        LoadResult r = load("lang de body X /x/\nfrobnicate yes\nmeta M NOPE || BAYES_99\nrequired_score 6\n");
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        LoadResult.Loaded l = (LoadResult.Loaded) r;
        assertThat(l.warnings()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("frobnicate"))
                .anySatisfy(m -> assertThat(m).contains("undefined rule NOPE"));
        assertThat(l.rules().requiredScore()).hasValue(6.0);
    }

    @Test
    void theDefaultRulesLoadCleanly() {
        LoadResult r = RuleSetLoader.load(RuleSource.defaults(), io.moat.rules.ComputedSymbols.ALL);
        assertThat(r).isInstanceOfSatisfying(LoadResult.Loaded.class, l -> {
            assertThat(l.warnings()).isEmpty();
            assertThat(l.rules().unsupported()).isEmpty();
            assertThat(l.rules().rules()).hasSizeGreaterThan(50);
        });
    }

    /** Debian's spamassassin package installs its rules here; skipped where it is not installed. */
    @Test
    void spamAssassinsInstalledRulesLoadWithOnlyPluginTestsUnsupported() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("/usr/share/spamassassin");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir), "spamassassin not installed");
        LoadResult r = RuleSetLoader.load(RuleSource.from(dir), io.moat.rules.ComputedSymbols.ALL);
        assertThat(r).isInstanceOfSatisfying(LoadResult.Loaded.class, l -> {
            assertThat(l.rules().rules()).hasSizeGreaterThan(1000);
            assertThat(l.rules().unsupported()).allSatisfy(u -> assertThat(u.reason()).startsWith("needs a SpamAssassin plugin test"));
        });
    }
}
