// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.engine.EngineSettings;
import io.moat.milter.engine.HeldMessage;
import io.moat.milter.engine.MilterSession;
import io.moat.milter.engine.QuarantineSink;
import io.moat.milter.filter.GtubeFilter;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.session.Negotiator;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Scorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the end-to-end two-recipient test (issue 5): a banned file sent in one transaction to a
 * pass-through recipient and to a recipient whose policy rejects banned mail. As documented, the
 * second recipient is removed with DELRCPT and their copy is kept in the quarantine (a milter
 * cannot refuse one recipient at end of data). But the gateway log and the message log said
 * {@code reject} for that recipient, with no quarantine id, while the sender had been told 250 and
 * the copy sat in the quarantine: an admin following the log looked for a bounce that never
 * happened and could not find the held copy from the log row. A held recipient is now logged as
 * {@code quarantine} with the quarantine id, whatever action its policy named.
 */
class Issue5HeldRecipientLoggedAsRejectedTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    @TempDir
    Path spool;

    private final List<MessageRecord> records = new CopyOnWriteArrayList<>();
    private final List<HeldMessage> held = new CopyOnWriteArrayList<>();

    @Test
    void recipientWhosePolicyRejectsIsLoggedAsQuarantinedWithTheIdWhenOthersGetTheMessage() throws Exception {
        List<Response> eom = message("anyone@example.net", "refuse@example.net");

        assertThat(eom).contains(new Response.DeleteRecipient("<refuse@example.net>"));
        assertThat(held).singleElement().extracting(HeldMessage::recipients).isEqualTo(List.of("refuse@example.net"));
        assertThat(records).filteredOn(r -> r.recipients().equals(List.of("refuse@example.net"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo("quarantine");
                    assertThat(r.quarantineId()).isEqualTo(1);
                });
        assertThat(records).filteredOn(r -> r.recipients().equals(List.of("anyone@example.net")))
                .extracting(MessageRecord::action).containsExactly("deliver");
    }

    @Test
    void recipientWhosePolicyRejectsIsLoggedAsQuarantinedWhenTheOtherCopyIsHeldToo() throws Exception {
        List<Response> eom = message("holdme@example.net", "refuse@example.net");

        assertThat(eom).containsExactly(new Response.Discard());
        assertThat(records).extracting(MessageRecord::action).containsOnly("quarantine");
        assertThat(records).allSatisfy(r -> assertThat(r.quarantineId()).isEqualTo(1));
    }

    private List<Response> message(String... rcpts) throws Exception {
        Map<String, RecipientPolicy> byRcpt = Map.of(
                "holdme@example.net", policy(Action.QUARANTINE),
                "refuse@example.net", policy(Action.REJECT));
        QuarantineSink sink = new QuarantineSink() {
            @Override
            public long hold(HeldMessage m) {
                held.add(m);
                return held.size();
            }

            @Override
            public boolean isReleased(String token) {
                return false;
            }

            @Override
            public String releaseHeader() {
                return "X-Moat-Released";
            }
        };
        EngineSettings settings = new EngineSettings(Negotiator.defaults(), new Pipeline(List.of(new GtubeFilter())),
                new Scorer(5.0), r -> byRcpt.getOrDefault(r, policy(Action.DELIVER)), sink, records::add,
                Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC), System::nanoTime,
                1_000_000, 65536, spool, "X-Moat-Status", "gw.example.net");
        MilterSession s = new MilterSession("i5", settings);
        s.handle(new Command.OptNeg(6, 0x1FF, 0x1FFFFF));
        s.handle(new Command.Connect("client.example.org", Command.Family.SMFIA_INET, 4711, "192.0.2.7"));
        s.handle(new Command.Mail("<sender@example.org>", List.of()));
        for (String r : rcpts) {
            s.handle(new Command.Rcpt("<" + r + ">", List.of()));
        }
        s.handle(new Command.Data());
        s.handle(new Command.Header("Subject", " offer"));
        s.handle(new Command.EndOfHeaders());
        s.handle(new Command.Body((GTUBE + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        return s.handle(new Command.EndOfMessage(new byte[0]));
    }

    private static RecipientPolicy policy(Action spam) {
        return RecipientPolicy.of(5.0, new ActionPolicy(Map.of(Classification.SPAM, spam)));
    }
}
