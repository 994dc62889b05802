// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each recipient gets the action its own policy asks for, within one SMTP transaction. */
class PerRecipientPolicyTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    @TempDir
    Path spool;

    private final List<MessageRecord> records = new CopyOnWriteArrayList<>();
    private final List<HeldMessage> held = new ArrayList<>();
    private final List<byte[]> heldContent = new ArrayList<>();
    private boolean storeFails;

    private final QuarantineSink sink = new QuarantineSink() {
        @Override
        public long hold(HeldMessage m) throws IOException {
            if (storeFails) {
                throw new IOException("disk full");
            }
            try (InputStream in = m.transaction().openMessage()) {
                heldContent.add(in.readAllBytes());
            }
            held.add(m);
            return held.size();
        }

        @Override
        public boolean isReleased(String token) {
            return token.equals("7-secret");
        }

        @Override
        public String releaseHeader() {
            return "X-Moat-Released";
        }
    };

    private static RecipientPolicy policy(Action spam, String tag) {
        return new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(),
                new ActionPolicy(Map.of(Classification.SPAM, spam)), tag);
    }

    private MilterSession session() {
        Map<String, RecipientPolicy> byRcpt = Map.of(
                "tagme@example.net", policy(Action.TAG, "[SPAM]"),
                "holdme@example.net", policy(Action.QUARANTINE, ""),
                "refuse@example.net", policy(Action.REJECT, ""),
                "drop@example.net", policy(Action.DROP, ""),
                "strict@example.net", new RecipientPolicy(3.0, OptionalDouble.empty(), OptionalDouble.empty(),
                        new ActionPolicy(Map.of(Classification.SPAM, Action.QUARANTINE)), ""));
        EngineSettings settings = new EngineSettings(Negotiator.defaults(), new Pipeline(List.of(new GtubeFilter())),
                new Scorer(5.0), r -> byRcpt.getOrDefault(r, policy(Action.DELIVER, "")), sink, records::add,
                Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC), System::nanoTime,
                1_000_000, 65536, spool, "X-Moat-Status", "gw.example.net");
        return new MilterSession("p1", settings);
    }

    private List<Response> message(MilterSession s, String body, List<Command.Header> extraHeaders, String... rcpts) throws Exception {
        s.handle(new Command.OptNeg(6, 0x1FF, 0x1FFFFF));
        s.handle(new Command.Connect("client.example.org", Command.Family.SMFIA_INET, 4711, "192.0.2.7"));
        s.handle(new Command.Mail("<sender@example.org>", List.of()));
        for (String r : rcpts) {
            s.handle(new Command.Rcpt("<" + r + ">", List.of()));
        }
        s.handle(new Command.Macro('T', Map.of("i", "4QID")));
        s.handle(new Command.Data());
        s.handle(new Command.Header("Subject", " offer"));
        for (Command.Header h : extraHeaders) {
            s.handle(h);
        }
        s.handle(new Command.EndOfHeaders());
        s.handle(new Command.Body((body + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        return s.handle(new Command.EndOfMessage(new byte[0]));
    }

    @Test
    void twoRecipientsTwoPoliciesOneTaggedOneQuarantined() throws Exception {
        List<Response> eom = message(session(), GTUBE, List.of(), "tagme@example.net", "holdme@example.net");

        assertThat(eom).contains(new Response.DeleteRecipient("<holdme@example.net>"));
        assertThat(eom).contains(new Response.AddHeader("X-Spam-Flag", " YES"));
        // The one recipient still receiving it asked for tagging, subject included.
        assertThat(eom).contains(new Response.ChangeHeader(1, "Subject", " [SPAM] offer"));
        assertThat(eom).filteredOn(Response.AddHeader.class::isInstance).first()
                .isInstanceOfSatisfying(Response.AddHeader.class, h -> assertThat(h.value()).startsWith(" tag; class=spam;"));
        assertThat(eom.get(eom.size() - 1)).isEqualTo(new Response.Continue());
        assertThat(held).singleElement().satisfies(h -> {
            assertThat(h.recipients()).containsExactly("holdme@example.net");
            assertThat(h.classification()).isEqualTo(Classification.SPAM);
            assertThat(h.queueId()).isEqualTo("4QID");
        });
        assertThat(new String(heldContent.get(0), StandardCharsets.ISO_8859_1)).contains("Subject: offer\r\n\r\n" + GTUBE);
        assertThat(records).extracting(MessageRecord::action).containsExactlyInAnyOrder("tag", "quarantine");
        assertThat(records).filteredOn(r -> r.action().equals("quarantine")).singleElement()
                .satisfies(r -> assertThat(r.quarantineId()).isEqualTo(1));
    }

    @Test
    void spamStatusOnTheDeliveredCopyShowsItsOwnRecipientsThresholdNotTheHeldOnes() throws Exception {
        List<Response> eom = message(session(), GTUBE, List.of(), "strict@example.net", "tagme@example.net");

        assertThat(eom).contains(new Response.DeleteRecipient("<strict@example.net>"));
        assertThat(eom).filteredOn(r -> r instanceof Response.AddHeader h && h.name().equals("X-Spam-Status")).singleElement()
                .isInstanceOfSatisfying(Response.AddHeader.class, h -> assertThat(h.value()).contains("required=5.0"));
    }

    @Test
    void everyRecipientTaggingAlsoTagsTheSubject() throws Exception {
        List<Response> eom = message(session(), GTUBE, List.of(), "tagme@example.net");

        assertThat(eom).contains(new Response.ChangeHeader(1, "Subject", " [SPAM] offer"));
        assertThat(held).isEmpty();
    }

    @Test
    void rejectForOneRecipientAmongDeliveriesIsHeldNotBouncedNorLost() throws Exception {
        List<Response> eom = message(session(), GTUBE, List.of(), "anyone@example.net", "refuse@example.net", "drop@example.net");

        assertThat(eom).noneMatch(r -> r instanceof Response.ChangeHeader c && c.name().equals("Subject"));
        assertThat(eom).contains(new Response.DeleteRecipient("<refuse@example.net>"), new Response.DeleteRecipient("<drop@example.net>"));
        assertThat(eom.get(eom.size() - 1)).isEqualTo(new Response.Continue());
        assertThat(held).singleElement().extracting(HeldMessage::recipients).isEqualTo(List.of("refuse@example.net"));
    }

    @Test
    void everyRecipientQuarantinedIsStoredThenDiscarded() throws Exception {
        List<Response> eom = message(session(), GTUBE, List.of(), "holdme@example.net");

        assertThat(eom).containsExactly(new Response.Discard());
        assertThat(held).hasSize(1);
    }

    @Test
    void failedQuarantineWriteTempfailsTheWholeMessage() throws Exception {
        storeFails = true;
        List<Response> eom = message(session(), GTUBE, List.of(), "tagme@example.net", "holdme@example.net");

        assertThat(eom).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 4.7.1 "));
        assertThat(records).extracting(MessageRecord::action).containsOnly("tempfail");
    }

    @Test
    void releasedCopyIsDeliveredNotHeldAgain() throws Exception {
        List<Response> eom = message(session(), GTUBE, List.of(new Command.Header("X-Moat-Released", " 7-secret")),
                "holdme@example.net");

        assertThat(held).isEmpty();
        assertThat(eom.get(eom.size() - 1)).isEqualTo(new Response.Accept());
    }

    @Test
    void forgedReleaseTokenDoesNotEscapeTheQuarantine() throws Exception {
        message(session(), GTUBE, List.of(new Command.Header("X-Moat-Released", " 7-guess")), "holdme@example.net");

        assertThat(held).hasSize(1);
    }

    @Test
    void forgedSpamAndTraceHeadersFromTheSenderAreRemoved() throws Exception {
        List<Response> eom = message(session(), "hello", List.of(new Command.Header("X-Spam-Flag", " NO"),
                new Command.Header("X-Moat-Status", " deliver"), new Command.Header("x-spam-flag", " NO")), "anyone@example.net");

        assertThat(eom).contains(new Response.ChangeHeader(2, "x-spam-flag", ""),
                new Response.ChangeHeader(1, "X-Spam-Flag", ""), new Response.ChangeHeader(1, "X-Moat-Status", ""));
        assertThat(eom.indexOf(new Response.ChangeHeader(2, "x-spam-flag", "")))
                .isLessThan(eom.indexOf(new Response.ChangeHeader(1, "X-Spam-Flag", "")));
    }

    @Test
    void virusDeliveredByPolicyCarriesItsSignatureAndUncheckedMailItsMarker() throws Exception {
        io.moat.milter.pipeline.Filter av = new io.moat.milter.pipeline.Filter() {
            @Override
            public String name() {
                return "fake-av";
            }

            @Override
            public io.moat.milter.pipeline.Stage stage() {
                return io.moat.milter.pipeline.Stage.EOM;
            }

            @Override
            public io.moat.milter.pipeline.FilterResult evaluate(io.moat.milter.pipeline.FilterContext ctx) {
                return io.moat.milter.pipeline.FilterResult.found(
                        new io.moat.milter.verdict.Finding("AV_INFECTED", 0, "Moat.Test.Sig\r\nX-Evil: 1", Classification.VIRUS),
                        new io.moat.milter.verdict.Finding("ENCRYPTED_SMIME", 0, "", Classification.UNCHECKED));
            }
        };
        RecipientPolicy deliverAll = new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(),
                new ActionPolicy(Map.of(Classification.VIRUS, Action.DELIVER)), "");
        MilterSession s = new MilterSession("v", new EngineSettings(Negotiator.defaults(), new Pipeline(List.of(av)),
                new Scorer(5.0), r -> deliverAll, sink, records::add, Clock.systemUTC(), System::nanoTime,
                1_000_000, 65536, spool, "X-Moat-Status", "gw.example.net"));

        List<Response> eom = message(s, "hello", List.of(), "anyone@example.net");

        assertThat(eom).contains(new Response.AddHeader("X-Moat-Virus", " Moat.Test.Sig  X-Evil: 1"),
                new Response.AddHeader("X-Moat-Unchecked", " ENCRYPTED_SMIME"));
    }

    @Test
    void aRefusedRecipientsFindingsStayOnItsOwnLine() throws Exception {
        io.moat.milter.pipeline.Filter unknown = new io.moat.milter.pipeline.Filter() {
            @Override
            public String name() {
                return "fake-directory";
            }

            @Override
            public io.moat.milter.pipeline.Stage stage() {
                return io.moat.milter.pipeline.Stage.RCPT;
            }

            @Override
            public io.moat.milter.pipeline.FilterResult evaluate(io.moat.milter.pipeline.FilterContext ctx) {
                if (!ctx.recipient().contains("ghost")) {
                    return io.moat.milter.pipeline.FilterResult.PASS;
                }
                return io.moat.milter.pipeline.FilterResult.decide(
                        new io.moat.milter.verdict.Verdict.Reject(new io.moat.milter.verdict.SmtpReply(550, "5.1.1", "No such user")),
                        io.moat.milter.verdict.Finding.of("RCPT_UNKNOWN", 0, ctx.recipient()));
            }
        };
        MilterSession s = new MilterSession("u", new EngineSettings(Negotiator.defaults(), new Pipeline(List.of(unknown)),
                new Scorer(5.0), r -> policy(Action.DELIVER, ""), sink, records::add, Clock.systemUTC(), System::nanoTime,
                1_000_000, 65536, spool, "X-Moat-Status", "gw.example.net"));

        message(s, "hello", List.of(), "ghost@example.net", "anyone@example.net");

        assertThat(records).filteredOn(r -> r.action().equals("reject")).singleElement()
                .satisfies(r -> assertThat(r.findings()).extracting(f -> f.symbol()).containsExactly("RCPT_UNKNOWN"));
        assertThat(records).filteredOn(r -> r.action().equals("deliver")).singleElement()
                .satisfies(r -> {
                    assertThat(r.recipients()).containsExactly("anyone@example.net");
                    assertThat(r.findings()).extracting(f -> f.symbol()).doesNotContain("RCPT_UNKNOWN");
                });
    }
}
