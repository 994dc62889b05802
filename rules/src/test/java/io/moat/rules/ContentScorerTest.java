// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.rules.bayes.BayesVerdict;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.bayes.Label;
import io.moat.rules.bayes.Learner;
import io.moat.rules.bayes.MemoryTokenStore;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.lang.LoadResult;
import io.moat.rules.lang.RuleSet;
import io.moat.rules.lang.RuleSetLoader;
import io.moat.rules.lang.RuleSource;
import io.moat.rules.message.MessageParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentScorerTest {
    private static RuleSet rules(String text) {
        LoadResult r = RuleSetLoader.load(List.of(new RuleSource("t.cf", text)), ComputedSymbols.ALL);
        return ((LoadResult.Loaded) r).rules();
    }

    private static byte[] mail(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void findingsCarryWeightAndDescriptionAndTheTotalDecides() {
        RuleSet rules = rules("""
                header SUBJ_WIN Subject =~ /winner/i
                describe SUBJ_WIN Subject says winner
                score SUBJ_WIN 4
                body CLAIM /claim (?:your|the) prize/i
                tflags CLAIM multiple maxhits=2
                score CLAIM 1.5
                body __PART /prize/
                meta BOTH SUBJ_WIN && __PART
                score BOTH 0.5
                """);
        ContentScorer scorer = new ContentScorer(rules, new MemoryTokenStore(), new Tokenizer(), ChiSquareClassifier.DEFAULT);
        ContentReport r = scorer.score(mail("Subject: You are a WINNER\n\nClaim your prize! Claim the prize! claim your prize\n"));
        assertThat(r.findings()).extracting(Finding::symbol).containsExactly("SUBJ_WIN", "CLAIM", "BOTH");
        assertThat(r.findings().get(0).description()).isEqualTo("Subject says winner");
        assertThat(r.findings().get(1).weight()).isEqualTo(3.0);
        assertThat(r.findings().get(1).detail()).isEqualTo("2 hits");
        assertThat(r.score()).isEqualTo(7.5);
        assertThat(r.isSpam()).isTrue();
        assertThat(r.bayes()).isInstanceOf(BayesVerdict.Untrained.class);
    }

    @Test
    void theStatisticalFilterIsAFindingThatNamesItsTokens() {
        MemoryTokenStore store = new MemoryTokenStore();
        Learner learner = new Learner(store, new Tokenizer());
        for (int i = 0; i < 25; i++) {
            learner.learn(MessageParser.parse(mail("Message-ID: <s" + i + "@x>\nSubject: cheap pills " + i + "\n\nbuy cheap pills now\n")), Label.SPAM);
            learner.learn(MessageParser.parse(mail("Message-ID: <h" + i + "@x>\nSubject: build " + i + "\n\nthe build is green again\n")), Label.HAM);
        }
        RuleSet rules = rules("score BAYES_999 5.5\nscore BAYES_00 -1\n");
        ContentScorer scorer = new ContentScorer(rules, store, new Tokenizer(), ChiSquareClassifier.DEFAULT);
        ContentReport spam = scorer.score(mail("Subject: cheap pills\n\nbuy cheap pills\n"));
        assertThat(spam.findings()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("BAYES_999");
            assertThat(f.weight()).isEqualTo(5.5);
            assertThat(f.detail()).startsWith("p=").contains("'cheap'");
        });
        assertThat(spam.isSpam()).isTrue();
        assertThat(scorer.score(mail("Subject: build\n\nthe build is green\n")).fired("BAYES_00")).isTrue();
    }

    @Test
    void brokenInputStillGetsAReport() {
        ContentScorer scorer = new ContentScorer(rules("body X /x/\n"), new MemoryTokenStore(), new Tokenizer(),
                ChiSquareClassifier.DEFAULT);
        ContentReport r = scorer.score(new byte[] {(byte) 0xff, 0, '\n', '\n', '-', '-'});
        assertThat(r.score()).isZero();
        assertThat(r.isSpam()).isFalse();
    }

    @Test
    void headerModifiersAndIfUnsetAreApplied() {
        RuleSet rules = rules("""
                header NAME_BOB From:name =~ /^Bob Smith$/
                header ADDR_EX From:addr =~ /^bob\\@example\\.com$/
                header NO_XM X-Mailer =~ /^none$/ [if-unset: none]
                header RAW_ENC Subject:raw =~ /=\\?utf-8\\?/i
                header NOT_HI Subject !~ /hello/
                """);
        ContentScorer scorer = new ContentScorer(rules, new MemoryTokenStore(), new Tokenizer(), ChiSquareClassifier.DEFAULT);
        ContentReport r = scorer.score(mail("From: \"Bob Smith\" <bob@example.com>\nSubject: =?utf-8?q?hello?=\n\nx"));
        assertThat(r.findings()).extracting(Finding::symbol).containsExactlyInAnyOrder("NAME_BOB", "ADDR_EX", "NO_XM", "RAW_ENC");
    }

    @Test
    void rulesTriedOnlyWhereTheirLeadingWordOccursMatchLikeAFullScan() {
        RuleSet rules = rules("""
                body WORD_START /\\b(?:cash|money)\\s+now\\b/i
                tflags WORD_START multiple
                body AT_START /^subject line/i
                body MID_WORD /\\bash\\b/
                """);
        ContentScorer scorer = new ContentScorer(rules, new MemoryTokenStore(), new Tokenizer(), ChiSquareClassifier.DEFAULT);
        ContentReport r = scorer.score(mail("Subject: subject line\n\nCASH NOW, money now! pettycash now. cash nowhere. flash\n"));
        assertThat(r.findings()).extracting(Finding::symbol).containsExactlyInAnyOrder("WORD_START", "AT_START");
        assertThat(r.findings()).filteredOn(f -> f.symbol().equals("WORD_START")).singleElement()
                .satisfies(f -> assertThat(f.detail()).isEqualTo("2 hits"));
    }

    @Test
    void codedChecksAreWeighedByTheRuleFilesAndReadByMetas() {
        RuleSet rules = rules("""
                score DATE_AHEAD_1D 2.5
                header __FREE Subject =~ /free/i
                meta FREE_FROM_THE_FUTURE DATE_AHEAD_1D && __FREE
                score FREE_FROM_THE_FUTURE 1
                """);
        ContentScorer scorer = new ContentScorer(rules, new MemoryTokenStore(), new Tokenizer(), ChiSquareClassifier.DEFAULT);
        String received = "Received: by mx.example.org; Thu, 26 Sep 2002 12:00:00 +0100\n";
        ContentReport ahead = scorer.score(mail(received + "Date: Thu, 3 Oct 2002 12:00:00 +0100\nSubject: free\n\nx\n"));
        assertThat(ahead.findings()).extracting(Finding::symbol).containsExactly("DATE_AHEAD_1D", "FREE_FROM_THE_FUTURE");
        assertThat(ahead.score()).isEqualTo(3.5);
        ContentReport onTime = scorer.score(mail(received + "Date: Thu, 26 Sep 2002 11:58:00 +0100\nSubject: free\n\nx\n"));
        assertThat(onTime.findings()).isEmpty();
    }
}
