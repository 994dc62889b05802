// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.OnError;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.record.GatewayLogLine;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.session.Negotiator;
import io.moat.milter.session.SessionState;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One milter connection driven command by command, as Postfix drives it. */
class MilterSessionTest {
    static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    static final Response CONTINUE = new Response.Continue();

    @TempDir
    Path spool;

    private EngineFixture fixture() {
        return new EngineFixture(spool);
    }

    @Test
    void cleanMessageGetsOneContinuePerStepAndTheTraceHeaderAtEndOfMessage() throws Exception {
        EngineFixture f = fixture();
        f.filter(eomFilter(ctx -> {
            f.nanos.addAndGet(3_000_000); // the filters take 3 ms
            return FilterResult.PASS;
        }));
        MilterSession s = f.session();
        Mta mta = new Mta(s);

        assertThat(mta.send(Mta.POSTFIX_OFFER)).singleElement().isInstanceOf(Response.OptionsReply.class);
        assertThat(mta.macro('C', "j", "mx")).isEmpty();
        assertThat(mta.send(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 1, "192.0.2.1")))
                .containsExactly(CONTINUE);
        assertThat(mta.send(new Command.Helo("c.example.org"))).containsExactly(CONTINUE);
        assertThat(mta.mail("alice@example.org")).containsExactly(CONTINUE);
        assertThat(mta.rcpt("bob@example.net")).containsExactly(CONTINUE);
        assertThat(mta.data("4QID1")).containsExactly(CONTINUE);
        assertThat(mta.header("Subject", " hello")).containsExactly(CONTINUE);
        assertThat(mta.eoh()).containsExactly(CONTINUE);
        assertThat(mta.body("hello\r\n")).containsExactly(CONTINUE);
        f.nanos.addAndGet(5_000_000_000L); // waiting for the MTA is not Moat's time
        List<Response> eom = mta.eom("4QID1");

        assertThat(eom).containsExactly(
                new Response.AddHeader("X-Moat-Status", " deliver; class=clean; score=0.0; elapsed=3ms; host=gw.example.net"),
                new Response.AddHeader("X-Spam-Score", " 0.0"),
                new Response.AddHeader("X-Spam-Status", " No, score=0.0 required=5.0 tests=none"),
                CONTINUE);
        assertThat(mta.abort()).isEmpty();
        assertThat(mta.send(new Command.Quit())).isEmpty();
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void traceHeaderHasNoLeadingSpaceWhenHdrLeadspcIsNotNegotiated() throws Exception {
        MilterSession s = fixture().session();
        Mta mta = new Mta(s, false);
        mta.send(new Command.OptNeg(6, 0x1FF, 0x1FFFFF & ~ProtocolFlag.SMFIP_HDR_LEADSPC.bit()));

        List<Response> eom = mta.message("4QID2", "a@example.org", "b@example.net", "hi", "hello\r\n");

        assertThat(eom.get(0)).isInstanceOfSatisfying(Response.AddHeader.class,
                h -> assertThat(h.value()).startsWith("deliver; class=clean;"));
    }

    @Test
    void headerValuesAreStoredWithoutTheLeadingSpaceEitherWay() throws Exception {
        List<String> seen = new ArrayList<>();
        Filter subject = eomFilter(ctx -> {
            seen.add(ctx.message().subject());
            return FilterResult.PASS;
        });
        for (boolean leadspc : new boolean[] {true, false}) {
            MilterSession s = fixture().filter(subject).session();
            Mta mta = new Mta(s, leadspc);
            int flags = leadspc ? 0x1FFFFF : 0x1FFFFF & ~ProtocolFlag.SMFIP_HDR_LEADSPC.bit();
            mta.send(new Command.OptNeg(6, 0x1FF, flags));
            mta.message("Q", "a@example.org", "b@example.net", "same subject", "x\r\n");
        }

        assertThat(seen).containsExactly("same subject", "same subject");
    }

    @Test
    void noTraceHeaderWhenTheMtaDoesNotAllowAddingHeaders() throws Exception {
        MilterSession s = fixture().session();
        Mta mta = new Mta(s);
        mta.send(new Command.OptNeg(6, 0x1FF & ~ActionFlag.SMFIF_ADDHDRS.bit(), 0x1FFFFF));

        assertThat(mta.message("Q", "a@example.org", "b@example.net", "hi", "x\r\n")).containsExactly(CONTINUE);
    }

    @Test
    void headersMoatOwnsThatArriveWithTheMessageAreDeletedBeforeMoatAddsItsOwn() throws Exception {
        Mta mta = new Mta(fixture().session());
        mta.open();
        mta.mail("a@example.org");
        mta.rcpt("b@example.net");
        mta.data("Q");
        mta.header("X-Spam-Flag", " NO");
        mta.header("Subject", " hi");
        mta.header("x-moat-status", " deliver; forged");
        mta.header("X-Spam-Flag", " NO");
        mta.eoh();

        List<Response> eom = mta.eom("Q");

        assertThat(eom.subList(0, 3)).containsExactly(
                new Response.ChangeHeader(2, "X-Spam-Flag", ""),
                new Response.ChangeHeader(1, "x-moat-status", ""),
                new Response.ChangeHeader(1, "X-Spam-Flag", ""));
        assertThat(eom.get(3)).isInstanceOfSatisfying(Response.AddHeader.class,
                h -> assertThat(h.name()).isEqualTo("X-Moat-Status"));
        assertThat(eom).last().isEqualTo(CONTINUE);
    }

    @Test
    void gtubeIsRejectedAsSpamWith571() throws Exception {
        EngineFixture f = fixture();
        Mta mta = new Mta(f.session());
        mta.open();

        List<Response> eom = mta.message("4GT", "spammer@example.org", "bob@example.net", "test", "x\r\n" + GTUBE + "\r\n");

        assertThat(eom).containsExactly(new Response.ReplyCode("550 5.7.1 Message rejected as spam"));
        assertThat(f.records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("reject");
            assertThat(r.classification()).isEqualTo(Classification.SPAM);
            assertThat(r.findings()).extracting(Finding::symbol).contains("GTUBE");
        });
    }

    @Test
    void gtubeSplitAcrossBodyChunksIsStillFound() throws Exception {
        Mta mta = new Mta(fixture().session());
        mta.open();
        mta.mail("a@example.org");
        mta.rcpt("b@example.net");
        mta.data("Q");
        mta.eoh();
        mta.body("start " + GTUBE.substring(0, 30));
        mta.body(GTUBE.substring(30) + " end\r\n");

        assertThat(mta.eom("Q")).containsExactly(new Response.ReplyCode("550 5.7.1 Message rejected as spam"));
    }

    @Test
    void declaredSizeOverTheLimitIsRejectedAtMailWith552() throws Exception {
        EngineFixture f = fixture().maxMessageSize(10_000);
        Mta mta = new Mta(f.session());
        mta.open();

        assertThat(mta.mail("big@example.org", "SIZE=10001"))
                .containsExactly(new Response.ReplyCode("552 5.3.4 Message size exceeds fixed limit"));
        assertThat(f.records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("reject");
            assertThat(r.classification()).isEqualTo(Classification.OVERSIZED);
            assertThat(r.sender()).isEqualTo("big@example.org");
        });
        // Postfix resets the transaction with ABORT and the client may try again.
        mta.abort();
        assertThat(mta.mail("big@example.org", "SIZE=10000")).containsExactly(CONTINUE);
    }

    @Test
    void declaredSizeOverTheLimitIsOnlyNotedWhenPolicyDeliversOversizedMail() throws Exception {
        Mta mta = new Mta(fixture().maxMessageSize(100).action(Classification.OVERSIZED, Action.DELIVER).session());
        mta.open();

        assertThat(mta.mail("big@example.org", "SIZE=101")).containsExactly(CONTINUE);
    }

    @Test
    void bodyOverTheLimitIsSkippedAndRejectedAtEndOfMessageWith552() throws Exception {
        EngineFixture f = fixture().maxMessageSize(1000);
        Mta mta = new Mta(f.session());
        mta.open();
        mta.mail("a@example.org");
        mta.rcpt("b@example.net");
        mta.data("4BIG");
        mta.header("Subject", " big");
        mta.eoh();

        assertThat(mta.body("x".repeat(900))).containsExactly(CONTINUE);
        assertThat(mta.body("y".repeat(900))).as("over the limit: SKIP, offered by the MTA")
                .containsExactly(new Response.Skip());
        List<Response> eom = mta.eom("4BIG");

        assertThat(eom).containsExactly(new Response.ReplyCode("552 5.3.4 Message size exceeds fixed limit"));
        MessageRecord r = f.records.get(0);
        assertThat(r.findings()).extracting(Finding::symbol).contains("SIZE_OVER_LIMIT");
        assertThat(r.classification()).isEqualTo(Classification.OVERSIZED);
        assertThat(r.size()).as("headers + blank line + both chunks").isEqualTo(14 + 2 + 1800);
        assertThat(r.queueId()).isEqualTo("4BIG");
    }

    @Test
    void bodyOverTheLimitGetsContinueWhenTheMtaCannotSkip() throws Exception {
        Mta mta = new Mta(fixture().maxMessageSize(100).session());
        mta.send(new Command.OptNeg(6, 0x1FF, 0x1FFFFF & ~ProtocolFlag.SMFIP_SKIP.bit()));
        mta.mail("a@example.org");
        mta.rcpt("b@example.net");
        mta.eoh();

        assertThat(mta.body("x".repeat(200))).containsExactly(CONTINUE);
        assertThat(mta.eom("Q")).containsExactly(new Response.ReplyCode("552 5.3.4 Message size exceeds fixed limit"));
    }

    @Test
    void quarantinePolicyStoresACopyForEveryRecipientAndDiscardsTheMessage() throws Exception {
        EngineFixture f = fixture().action(Classification.SPAM, Action.QUARANTINE);
        Mta mta = new Mta(f.session());
        mta.open();

        List<Response> eom = mta.message("4QQ", "a@example.org", "b@example.net", "hi", GTUBE + "\r\n");

        assertThat(eom).containsExactly(new Response.Discard());
        assertThat(f.held).singleElement().satisfies(h -> {
            assertThat(h.recipients()).containsExactly("b@example.net");
            assertThat(h.classification()).isEqualTo(Classification.SPAM);
            assertThat(h.queueId()).isEqualTo("4QQ");
        });
        assertThat(f.records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("quarantine");
            assertThat(r.quarantineId()).isEqualTo(1);
        });
    }

    @Test
    void quarantineThatCannotBeStoredBecomesATempfailRatherThanALoss() throws Exception {
        EngineFixture f = fixture().action(Classification.SPAM, Action.QUARANTINE).quarantineFails();
        Mta mta = new Mta(f.session());
        mta.open();

        List<Response> eom = mta.message("Q", "a@example.org", "b@example.net", "hi", GTUBE + "\r\n");

        assertThat(eom).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 4.7.1 "));
        assertThat(f.records).singleElement().extracting(MessageRecord::action).isEqualTo("tempfail");
    }

    @Test
    void quarantineVerdictFromAFilterIsStoredLikeAPolicyQuarantine() throws Exception {
        EngineFixture f = fixture().filter(stageFilter(Stage.MAIL,
                ctx -> FilterResult.decide(new io.moat.milter.verdict.Verdict.Quarantine("held by test"))));
        Mta mta = new Mta(f.session());
        mta.open();

        assertThat(mta.mail("a@example.org")).as("held back until end of message").containsExactly(CONTINUE);
        mta.rcpt("b@example.net");
        mta.data("4QF");
        mta.eoh();

        assertThat(mta.eom("4QF")).containsExactly(new Response.Discard());
        assertThat(f.held).singleElement().extracting(HeldMessage::recipients).asList().containsExactly("b@example.net");
    }

    @Test
    void dropPolicyDiscardsAtEndOfMessage() throws Exception {
        Mta mta = new Mta(fixture().action(Classification.SPAM, Action.DROP).session());
        mta.open();

        assertThat(mta.message("Q", "a@example.org", "b@example.net", "hi", GTUBE + "\r\n"))
                .containsExactly(new Response.Discard());
    }

    @Test
    void throwingFilterTempfailsTheMessageByDefault() throws Exception {
        EngineFixture f = fixture().filter(eomFilter(ctx -> {
            throw new IllegalStateException("scanner exploded");
        }));
        Mta mta = new Mta(f.session());
        mta.open();

        List<Response> eom = mta.message("4TF", "a@example.org", "b@example.net", "hi", "x\r\n");

        assertThat(eom).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 4.7.1 "));
        assertThat(f.records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("tempfail");
            assertThat(r.findings()).extracting(Finding::symbol).contains("FILTER_ERROR");
        });
    }

    @Test
    void throwingFilterThatMaySkipLeavesAFindingAndTheMessageGoesOn() throws Exception {
        EngineFixture f = fixture().filter(new Filter() {
            @Override
            public String name() {
                return "optional";
            }

            @Override
            public Stage stage() {
                return Stage.EOM;
            }

            @Override
            public FilterResult evaluate(FilterContext ctx) throws Exception {
                throw new java.io.IOException("optional service down");
            }

            @Override
            public OnError onError() {
                return OnError.SKIP;
            }
        });
        Mta mta = new Mta(f.session());
        mta.open();

        List<Response> eom = mta.message("4SK", "a@example.org", "b@example.net", "hi", "x\r\n");

        assertThat(eom).last().isEqualTo(CONTINUE);
        assertThat(f.records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("deliver");
            assertThat(r.findings()).singleElement().satisfies(x -> {
                assertThat(x.symbol()).isEqualTo("FILTER_ERROR");
                assertThat(x.detail()).isEqualTo("optional");
            });
        });
    }

    @Test
    void throwingRecipientFilterTempfailsThatRecipient() throws Exception {
        EngineFixture f = fixture().filter(stageFilter(Stage.RCPT, ctx -> {
            throw new IllegalStateException("directory down");
        }));
        Mta mta = new Mta(f.session());
        mta.open();
        mta.mail("a@example.org");

        assertThat(mta.rcpt("b@example.net")).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 4.7.1"));
        assertThat(f.records).singleElement().satisfies(r -> assertThat(r.recipients()).containsExactly("b@example.net"));
    }

    @Test
    void oneRecordPerMessageWithQueueIdSenderRecipientsSubjectMessageIdAndSize() throws Exception {
        EngineFixture f = fixture();
        Mta mta = new Mta(f.session());
        mta.open();
        mta.mail("alice@example.org");
        mta.rcpt("bob@example.net");
        mta.rcpt("carol@example.net");
        mta.data("4ABCD");
        mta.header("Subject", " Quarterly report");
        mta.header("Message-ID", " <m1@example.org>");
        mta.eoh();
        mta.body("hello\r\n");
        mta.eom("4ABCD");
        mta.abort();

        assertThat(f.records).singleElement().satisfies(r -> {
            assertThat(r.queueId()).isEqualTo("4ABCD");
            assertThat(r.sender()).isEqualTo("alice@example.org");
            assertThat(r.recipients()).containsExactly("bob@example.net", "carol@example.net");
            assertThat(r.subject()).isEqualTo("Quarterly report");
            assertThat(r.messageId()).isEqualTo("<m1@example.org>");
            assertThat(r.size()).isEqualTo(("Subject: Quarterly report\r\n" + "Message-ID: <m1@example.org>\r\n"
                    + "\r\n" + "hello\r\n").length());
            assertThat(r.clientAddress()).isEqualTo("192.0.2.10");
            assertThat(r.host()).isEqualTo("gw.example.net");
            assertThat(r.time()).isEqualTo(EngineFixture.NOW);
        });
        String line = GatewayLogLine.format(f.records.get(0));
        assertThat(line).isEqualTo("2026-03-01T12:00:00Z gw.example.net deliver clean <alice@example.org> "
                + "<bob@example.net>,<carol@example.net> \"Quarterly report\" <m1@example.org> 0.00 "
                + f.records.get(0).size() + " 4ABCD client=192.0.2.10 elapsed=0.0ms");
    }

    @Test
    void eachMessageOnAConnectionGetsItsOwnRecordAndNoStaleQueueId() throws Exception {
        EngineFixture f = fixture();
        Mta mta = new Mta(f.session());
        mta.open();
        mta.message("4FIRST", "a@example.org", "b@example.net", "one", "1\r\n");
        mta.abort();
        // The second message carries no queue id at all (macros not sent): none may be invented.
        mta.mail("c@example.org");
        mta.rcpt("d@example.net");
        mta.send(new Command.Data());
        mta.eoh();
        mta.send(new Command.EndOfMessage(new byte[0]));

        assertThat(f.records).extracting(MessageRecord::queueId).containsExactly("4FIRST", "");
        assertThat(f.records).extracting(MessageRecord::sender).containsExactly("a@example.org", "c@example.org");
    }

    @Test
    void queueIdOfOneMessageIsGoneInTheNextAfterEndOfMessageOrAbortButConnectMacrosSurvive() throws Exception {
        List<String> seen = new ArrayList<>();
        Filter spy = stageFilter(Stage.MAIL, ctx -> {
            seen.add(ctx.queueId().orElse("-") + "/" + ctx.macros().get("j").orElse("-")
                    + "/" + ctx.macros().get("client_addr").orElse("-"));
            return FilterResult.PASS;
        });
        Mta mta = new Mta(fixture().filter(spy).session());
        mta.open();
        // message 1: the queue id is known at MAIL (smtpd_delay_open_until_valid_rcpt=no) and at EOM
        mta.macro('M', "i", "4ONE");
        mta.send(new Command.Mail("<a@example.org>", List.of()));
        mta.rcpt("b@example.net");
        mta.data("4ONE");
        mta.eoh();
        mta.eom("4ONE");
        // message 2 after end of message, no queue id at MAIL
        mta.mail("a@example.org");
        mta.data("4TWO");
        mta.abort();
        // message 3 after ABORT, no queue id at MAIL
        mta.mail("a@example.org");

        assertThat(seen).containsExactly("4ONE/mx.example.net/192.0.2.10", "-/mx.example.net/192.0.2.10",
                "-/mx.example.net/192.0.2.10");
    }

    @Test
    void quitNcLetsTheNextSmtpSessionConnectWithoutNegotiatingAndForgetsTheLastClient() throws Exception {
        List<String> seen = new ArrayList<>();
        Filter spy = stageFilter(Stage.CONNECT, ctx -> {
            seen.add(ctx.client().address() + "/" + ctx.macros().get("j").orElse("-"));
            return FilterResult.PASS;
        });
        EngineFixture f = fixture().filter(spy);
        MilterSession s = f.session();
        Mta mta = new Mta(s);
        mta.open();
        mta.mail("a@example.org");

        assertThat(mta.send(new Command.QuitNewConnection())).isEmpty();
        assertThat(s.state()).isEqualTo(SessionState.NEGOTIATED);
        assertThat(mta.send(new Command.Connect("other.example", Command.Family.SMFIA_INET6, 2, "2001:db8::2")))
                .containsExactly(CONTINUE);
        assertThat(mta.message("4NEXT", "x@example.org", "y@example.net", "s", "b\r\n")).last().isEqualTo(CONTINUE);

        assertThat(seen).containsExactly("192.0.2.10/mx.example.net", "2001:db8::2/-");
        assertThat(f.records).singleElement().extracting(MessageRecord::clientAddress).isEqualTo("2001:db8::2");
    }

    @Test
    void noReplyStepsNegotiatedGetNoReplyAndEndOfMessageStillGetsOne() throws Exception {
        EnumSet<ProtocolFlag> nr = EnumSet.of(ProtocolFlag.SMFIP_NR_CONN, ProtocolFlag.SMFIP_NR_HELO,
                ProtocolFlag.SMFIP_NR_MAIL, ProtocolFlag.SMFIP_NR_RCPT, ProtocolFlag.SMFIP_NR_DATA,
                ProtocolFlag.SMFIP_NR_UNKN, ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_EOH,
                ProtocolFlag.SMFIP_NR_BODY, ProtocolFlag.SMFIP_HDR_LEADSPC);
        Negotiator negotiator = new Negotiator(EnumSet.allOf(ActionFlag.class), nr, Map.of());
        Mta mta = new Mta(fixture().negotiator(negotiator).session());

        Response.OptionsReply reply = (Response.OptionsReply) mta.send(Mta.POSTFIX_OFFER).get(0);
        assertThat(reply.protocol()).isEqualTo(ProtocolFlag.toMask(nr));
        assertThat(mta.send(new Command.Connect("c", Command.Family.SMFIA_INET, 1, "192.0.2.1"))).isEmpty();
        assertThat(mta.send(new Command.Helo("c"))).isEmpty();
        assertThat(mta.send(new Command.Unknown("XFOO"))).isEmpty();
        assertThat(mta.mail("a@example.org")).isEmpty();
        assertThat(mta.rcpt("b@example.net")).isEmpty();
        assertThat(mta.data("Q")).isEmpty();
        assertThat(mta.header("Subject", " hi")).isEmpty();
        assertThat(mta.eoh()).isEmpty();
        assertThat(mta.body("x\r\n")).isEmpty();
        assertThat(mta.eom("Q")).last().isEqualTo(CONTINUE);
    }

    @Test
    void verdictReachedAtANoReplyStepIsAnsweredAtTheNextReply() throws Exception {
        Negotiator negotiator = new Negotiator(EnumSet.allOf(ActionFlag.class),
                EnumSet.of(ProtocolFlag.SMFIP_NR_MAIL, ProtocolFlag.SMFIP_NR_RCPT, ProtocolFlag.SMFIP_NR_DATA,
                        ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_EOH, ProtocolFlag.SMFIP_NR_BODY), Map.of());
        EngineFixture f = fixture().negotiator(negotiator).maxMessageSize(100);
        Mta mta = new Mta(f.session());
        mta.open();

        assertThat(mta.mail("big@example.org", "SIZE=5000")).isEmpty();
        assertThat(mta.rcpt("b@example.net")).isEmpty();
        assertThat(mta.eom("Q")).containsExactly(new Response.ReplyCode("552 5.3.4 Message size exceeds fixed limit"));
        assertThat(f.records).singleElement().extracting(MessageRecord::action).isEqualTo("reject");
    }

    @Test
    void unknownSmtpCommandGetsContinue() throws Exception {
        Mta mta = new Mta(fixture().session());
        mta.open();

        assertThat(mta.send(new Command.Unknown("XFOO bar"))).containsExactly(CONTINUE);
    }

    @Test
    void outOfOrderCommandsAreProtocolErrors() throws Exception {
        Mta early = new Mta(fixture().session());
        assertThatThrownBy(() -> early.send(new Command.Helo("x"))).isInstanceOf(ProtocolException.class);

        Mta mta = new Mta(fixture().session());
        mta.open();
        assertThatThrownBy(() -> mta.rcpt("b@example.net")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> mta.send(new Command.Data())).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> mta.send(new Command.Connect("c", Command.Family.SMFIA_INET, 1, "192.0.2.1")))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void versionOneMtaIsRefused() {
        Mta mta = new Mta(fixture().session());

        assertThatThrownBy(() -> mta.send(new Command.OptNeg(1, 0x1FF, 0x1FFFFF))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void rejectedRecipientIsLoggedOnItsOwnAndTheMessageGoesOnForTheOthers() throws Exception {
        EngineFixture f = fixture().filter(stageFilter(Stage.RCPT, ctx -> ctx.recipient().contains("nobody")
                ? FilterResult.decide(new io.moat.milter.verdict.Verdict.Reject(
                        new io.moat.milter.verdict.SmtpReply(550, "5.1.1", "No such user")))
                : FilterResult.PASS));
        Mta mta = new Mta(f.session());
        mta.open();
        mta.mail("a@example.org");

        assertThat(mta.rcpt("nobody@example.net")).containsExactly(new Response.ReplyCode("550 5.1.1 No such user"));
        assertThat(mta.rcpt("bob@example.net")).containsExactly(CONTINUE);
        mta.data("4R");
        mta.eoh();
        assertThat(mta.eom("4R")).last().isEqualTo(CONTINUE);

        assertThat(f.records).hasSize(2);
        assertThat(f.records.get(0).recipients()).containsExactly("nobody@example.net");
        assertThat(f.records.get(0).action()).isEqualTo("reject");
        assertThat(f.records.get(1).recipients()).containsExactly("bob@example.net");
        assertThat(f.records.get(1).action()).isEqualTo("deliver");
    }

    interface Evaluation {
        FilterResult apply(FilterContext ctx) throws Exception;
    }

    static Filter eomFilter(Evaluation e) {
        return stageFilter(Stage.EOM, e);
    }

    static Filter stageFilter(Stage stage, Evaluation e) {
        return new Filter() {
            @Override
            public String name() {
                return "test-" + stage.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public FilterResult evaluate(FilterContext ctx) throws Exception {
                return e.apply(ctx);
            }
        };
    }
}
