// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.session.MessageContent;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeFiltersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path spool;
    private @Nullable Transaction tx;

    @AfterEach
    void close() {
        if (tx != null) {
            tx.close();
        }
    }

    private FilterContext ctx(Stage stage, String sender, @Nullable String rcpt, String... accepted) {
        tx = new Transaction(CLOCK.instant(), ReversePath.parse(sender), List.of(), new MessageContent(1024, spool));
        for (String a : accepted) {
            tx.addRecipient(a);
        }
        return new FilterContext(stage, "c1", ClientInfo.UNKNOWN, new Macros(), tx, rcpt, CLOCK);
    }

    private final RecipientPolicyFilter rcpt = new RecipientPolicyFilter(ConfiguredMailboxDirectoryTest.SOURCE);
    private final SenderAllowFilter allow = new SenderAllowFilter(ConfiguredMailboxDirectoryTest.SOURCE, -20);

    @Test
    void unknownRecipientOfProtectedDomainIsRefusedWith511() {
        FilterResult r = rcpt.evaluate(ctx(Stage.RCPT, "<a@x.example>", "<carol@example.org>"));
        assertThat(r.verdict()).isInstanceOfSatisfying(Verdict.Reject.class, v -> {
            assertThat(v.reply().code()).isEqualTo(550);
            assertThat(v.reply().enhanced()).isEqualTo("5.1.1");
        });
        assertThat(r.findings()).extracting(Finding::symbol).containsExactly("RCPT_UNKNOWN");
    }

    @Test
    void blockedSenderIsRefusedWith571ForThatRecipientOnly() {
        assertThat(rcpt.evaluate(ctx(Stage.RCPT, "<boss@partner.example>", "<alice@example.org>")).verdict())
                .isInstanceOfSatisfying(Verdict.Reject.class, v -> assertThat(v.reply().enhanced()).isEqualTo("5.7.1"));
        assertThat(rcpt.evaluate(ctx(Stage.RCPT, "<boss@partner.example>", "<bob@example.org>"))).isEqualTo(FilterResult.PASS);
    }

    @Test
    void knownRecipientAndUnlistedSenderPass() {
        assertThat(rcpt.evaluate(ctx(Stage.RCPT, "<a@x.example>", "<bob@example.org>"))).isEqualTo(FilterResult.PASS);
    }

    @Test
    void senderAllowedByEveryRecipientScoresTheAllowWeight() {
        FilterResult r = allow.evaluate(ctx(Stage.EOH, "<x@partner.example>", null, "bob@example.org", "alice@example.org"));
        assertThat(r.findings()).extracting(Finding::symbol, Finding::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SENDER_ALLOWLISTED", -20.0));
    }

    @Test
    void senderAllowedByOnlySomeRecipientsGetsNoCredit() {
        FilterResult r = allow.evaluate(ctx(Stage.EOH, "<x@partner.example>", null, "bob@example.org", "someone@elsewhere.example"));
        assertThat(r).isEqualTo(FilterResult.PASS);
    }
}
