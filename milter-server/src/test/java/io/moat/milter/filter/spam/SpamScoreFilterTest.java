// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.spam;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.HeaderField;
import io.moat.milter.session.Macros;
import io.moat.milter.session.MessageContent;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content scorer at end of message, with Moat's default rules: a Date is judged against the
 * moment the message is received (the daemon's clock), since Postfix does not pass the milter the
 * Received field it writes.
 */
class SpamScoreFilterTest {
    @TempDir
    Path dir;

    private List<String> symbols(String date, Instant now) throws Exception {
        ContentRules rules = new ContentRules(new RulesSettings(true, true, null, List.of(), null, false));
        try (Transaction t = new Transaction(now, ReversePath.parse("<a@example.org>"), List.of(),
                new MessageContent(1 << 20, dir))) {
            // The previous hop's stamp: the sender's own machine, whose clock agrees with its Date.
            t.addHeader(new HeaderField("Received", "from pc.example by pc.example; " + date));
            t.addHeader(new HeaderField("Date", date));
            t.addHeader(new HeaderField("From", "a@example.org"));
            t.addHeader(new HeaderField("To", "b@example.net"));
            t.addHeader(new HeaderField("Subject", "hello"));
            t.appendBody("Hello,\r\nsee you at five.\r\n".getBytes(StandardCharsets.US_ASCII));
            FilterContext ctx = new FilterContext(Stage.EOM, "c1", ClientInfo.UNKNOWN, new Macros(), t, null,
                    Clock.fixed(now, ZoneOffset.UTC));
            return new SpamScoreFilter(rules, 1 << 20).evaluate(ctx).findings().stream().map(Finding::symbol).toList();
        }
    }

    @Test
    void aDateAheadOfTheMomentOfReceiptIsFoundWhateverTheReceivedFieldsSay() throws Exception {
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        assertThat(symbols("Tue, 24 Nov 2026 15:00:00 +0000", now)).contains("DATE_AHEAD_3H");
        assertThat(symbols("Fri, 27 Nov 2026 09:00:00 +0000", now)).contains("DATE_AHEAD_1D");
        assertThat(symbols("Tue, 24 Nov 2026 08:59:00 +0000", now)).doesNotContain("DATE_AHEAD_3H", "DATE_AHEAD_1D");
    }

    @Test
    void ruleNamesBecomeFindingSymbols() {
        assertThat(SpamScoreFilter.symbol("local_rule.x")).isEqualTo("LOCAL_RULE_X");
        assertThat(SpamScoreFilter.symbol("2nd-rule")).isEqualTo("R_2ND_RULE");
    }
}
