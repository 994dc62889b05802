// SPDX-License-Identifier: Apache-2.0
package io.moat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.bayes.MemoryTokenStore;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.lang.LoadResult;
import io.moat.rules.lang.RuleSetLoader;
import io.moat.rules.lang.RuleSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Moat's default rule files: each rule fires on the mail it was written for and not on its look-alikes. */
class DefaultRulesTest {
    private static final ContentScorer SCORER = new ContentScorer(
            ((LoadResult.Loaded) RuleSetLoader.load(RuleSource.defaults(), ComputedSymbols.ALL)).rules(),
            new MemoryTokenStore(), new Tokenizer(), ChiSquareClassifier.DEFAULT);

    private static ContentReport score(String headers, String body) {
        return score(headers, body, StandardCharsets.ISO_8859_1);
    }

    private static ContentReport score(String headers, String body, Charset bodyCharset) {
        byte[] head = ("From: a@example.org\nTo: b@example.org\nSubject: hello\nMessage-ID: <1@example.org>\n" + headers
                + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] text = body.getBytes(bodyCharset);
        byte[] all = new byte[head.length + text.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(text, 0, all, head.length, text.length);
        return SCORER.score(all);
    }

    @Test
    void aDateZoneNoClockCanHaveIsFlaggedButRealZonesAreNot() {
        assertThat(score("Date: Fri, 23 Aug 2002 03:30:23 -1900\n", "hi\n").fired("DATE_BAD_ZONE")).isTrue();
        assertThat(score("Date: Fri, 23 Aug 2002 03:30:23 +0575\n", "hi\n").fired("DATE_BAD_ZONE")).isTrue();
        assertThat(score("Date: Fri, 23 Aug 2002 03:30:23 -0700\n", "hi\n").fired("DATE_BAD_ZONE")).isFalse();
        assertThat(score("Date: Fri, 23 Aug 2002 03:30:23 +1400\n", "hi\n").fired("DATE_BAD_ZONE")).isFalse();
    }

    @Test
    void anAdvanceFeeStoryIsCountedPhraseByPhrase() {
        ContentReport story = score("", """
                This is strictly confidential. My late father, a diplomat, left a sum I must transfer the funds
                of to an account overseas; you will be the beneficiary of 20 percent of the total sum.
                """);
        assertThat(story.fired("FRAUD_STORY")).isTrue();
        assertThat(story.fired("FRAUD_STORY_LONG")).isTrue();
        ContentReport invoice = score("", "Please transfer the funds for invoice 42 by Friday. Thanks, Anna\n");
        assertThat(invoice.fired("FRAUD_STORY")).isFalse();
    }

    @Test
    void textInAnUndeclaredCharsetIsFlaggedButAccentedEuropeanTextIsNot() {
        ContentReport chinese = score("", "\u4e2d\u56fd\u56fd\u9645\u7535\u5b50\u5143\u5668\u4ef6\u5c55\u89c8\u4f1a\n",
                Charset.forName("GB2312"));
        assertThat(chinese.fired("TEXT_UNDECLARED_8BIT")).isTrue();
        ContentReport french = score("", "D\u00e9j\u00e0 l'\u00e9t\u00e9 : r\u00e9unions \u00e0 Montr\u00e9al.\n");
        assertThat(french.fired("TEXT_UNDECLARED_8BIT")).isFalse();
    }

    @Test
    void htmlThatRunsAScriptOnOpeningAndRedirectsIsFlagged() {
        ContentReport r = score("MIME-Version: 1.0\nContent-Type: text/html\n", """
                <html><head><script>function go(){ window.location="http://example.biz/"; }</script></head>
                <body onload="go()"></body></html>
                """);
        assertThat(r.fired("HTML_ONLOAD_SCRIPT")).isTrue();
        assertThat(r.fired("HTML_AUTO_REDIRECT")).isTrue();
        ContentReport plain = score("MIME-Version: 1.0\nContent-Type: text/html\n", "<html><body><p>Minutes attached.</p></body></html>\n");
        assertThat(plain.fired("HTML_ONLOAD_SCRIPT")).isFalse();
        assertThat(plain.fired("HTML_AUTO_REDIRECT")).isFalse();
    }

    @Test
    void aStrangerSayingWhereTheyFoundTheAddressIsFlaggedButDisclaimersAreNot() {
        assertThat(score("", "Dear Sir, I got your email address from a trade directory.\n").fired("GOT_YOUR_ADDRESS")).isTrue();
        assertThat(score("", "If you have received this e-mail in error please notify the sender.\n").fired("GOT_YOUR_ADDRESS"))
                .isFalse();
    }

    @Test
    void pitchPhrasesFire() {
        assertThat(score("", "XrayMedia (OTCBB: XRMD) Alert Rating = 8\n").fired("STOCK_OTC_TICKER")).isTrue();
        assertThat(score("", "Build your downline with our new pay plan.\n").fired("MLM_PITCH")).isTrue();
        assertThat(score("", "If you do not wish to receive further mailings, reply.\n").fired("NO_WANT_MORE")).isTrue();
        assertThat(score("", "If you do not get a reply, ping me.\n").fired("NO_WANT_MORE")).isFalse();
    }
}
