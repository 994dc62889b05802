// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.MacroStage;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.Negotiator;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Whatever the MTA sends, in whatever order, the session either refuses it as a protocol error or
 * answers exactly as the milter protocol demands: nothing for MACRO, ABORT, QUIT and no-reply
 * steps; otherwise exactly one final reply, last, with modifications only at end of message.
 */
class ReplyDisciplineProperties {
    private Path spool;

    @BeforeTry
    void createSpool() throws Exception {
        spool = Files.createTempDirectory("moat-prop");
    }

    @AfterTry
    void removeSpool() throws Exception {
        try (var files = Files.list(spool)) {
            assertThat(files).as("spool files left behind").isEmpty();
        }
        Files.delete(spool);
    }

    @Property(tries = 400)
    void everyCommandGetsTheRepliesTheProtocolDemandsOrIsAProtocolError(
            @ForAll("sessions") List<Command> commands, @ForAll("negotiators") Negotiator negotiator,
            @ForAll("spamActions") Action spamAction) {
        EngineFixture f = new EngineFixture(spool).negotiator(negotiator).maxMessageSize(2000).memoryLimit(256)
                .action(Classification.SPAM, spamAction)
                .filter(MilterSessionTest.stageFilter(Stage.RCPT, ctx -> ctx.recipient().contains("reject")
                        ? FilterResult.decide(new Verdict.Reject(new SmtpReply(550, "5.1.1", "No such user")))
                        : FilterResult.PASS))
                .filter(MilterSessionTest.stageFilter(Stage.HELO, ctx -> {
                    if (ctx.client().helo().equals("boom")) {
                        throw new IllegalStateException("helo check failed");
                    }
                    return FilterResult.PASS;
                }));
        try (MilterSession s = f.session()) {
            for (Command c : commands) {
                boolean expectsReply = s.negotiated().expectsReply(c.code());
                List<Response> replies;
                try {
                    replies = s.handle(c);
                } catch (ProtocolException e) {
                    return; // the connection would close here
                }
                boolean replyExpected = c instanceof Command.OptNeg ? true : expectsReply;
                if (!replyExpected) {
                    assertThat(replies).as("replies to %s", c).isEmpty();
                    continue;
                }
                assertThat(replies).as("replies to %s", c).isNotEmpty();
                assertThat(replies.get(replies.size() - 1).terminal()).as("last reply to %s is final", c).isTrue();
                for (Response r : replies.subList(0, replies.size() - 1)) {
                    assertThat(r.terminal()).as("only one final reply to %s", c).isFalse();
                    assertThat(c).as("modifications only at end of message").isInstanceOf(Command.EndOfMessage.class);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Command>> sessions() {
        Arbitrary<Command> any = Arbitraries.oneOf(List.of(
                Arbitraries.of(
                        new Command.Connect("c", Command.Family.SMFIA_INET, 25, "192.0.2.1"),
                        new Command.Connect("u", Command.Family.SMFIA_UNKNOWN, 0, ""),
                        new Command.Helo("client"), new Command.Helo("boom"),
                        new Command.Mail("<a@example.org>", List.of()),
                        new Command.Mail("<big@example.org>", List.of("SIZE=999999")),
                        new Command.Mail("<>", List.of("BODY=8BITMIME")),
                        new Command.Rcpt("<b@example.net>", List.of()),
                        new Command.Rcpt("<reject@example.net>", List.of()),
                        new Command.Data(), new Command.EndOfHeaders(),
                        new Command.Header("Subject", " hi"), new Command.Header("Message-ID", " <x@y>"),
                        new Command.Body("line\r\n".getBytes(StandardCharsets.US_ASCII)),
                        new Command.Body(("XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n")
                                .getBytes(StandardCharsets.US_ASCII)),
                        new Command.Body(new byte[1500]),
                        new Command.EndOfMessage(new byte[0]),
                        new Command.EndOfMessage("tail\r\n".getBytes(StandardCharsets.US_ASCII)),
                        new Command.Abort(), new Command.Unknown("XFOO"),
                        new Command.QuitNewConnection(), new Command.Quit(),
                        new Command.Macro('T', Map.of("i", "4Q")), new Command.Macro('C', Map.of("j", "mx"))),
                Arbitraries.of(new Command.OptNeg(6, 0x1FF, 0x1FFFFF), new Command.OptNeg(2, 0x3, 0x7F),
                        new Command.OptNeg(1, 0x1FF, 0x1FFFFF))));
        // Most sessions start well, so the interesting states are reached.
        Arbitrary<List<Command>> tail = any.list().ofMaxSize(40);
        return Arbitraries.oneOf(
                tail.map(t -> prepend(new Command.OptNeg(6, 0x1FF, 0x1FFFFF), t)),
                tail.map(t -> prepend(new Command.OptNeg(6, 0x1FF, 0x1FFFFF),
                        prepend(new Command.Connect("c", Command.Family.SMFIA_INET, 25, "192.0.2.1"),
                                prepend(new Command.Mail("<a@example.org>", List.of()), t)))),
                tail);
    }

    private static List<Command> prepend(Command c, List<Command> rest) {
        java.util.ArrayList<Command> out = new java.util.ArrayList<>();
        out.add(c);
        out.addAll(rest);
        return out;
    }

    @Provide
    Arbitrary<Negotiator> negotiators() {
        EnumSet<ProtocolFlag> everyNoReply = EnumSet.of(ProtocolFlag.SMFIP_NR_CONN, ProtocolFlag.SMFIP_NR_HELO,
                ProtocolFlag.SMFIP_NR_MAIL, ProtocolFlag.SMFIP_NR_RCPT, ProtocolFlag.SMFIP_NR_DATA,
                ProtocolFlag.SMFIP_NR_UNKN, ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_EOH,
                ProtocolFlag.SMFIP_NR_BODY, ProtocolFlag.SMFIP_SKIP);
        return Arbitraries.of(
                Negotiator.defaults(),
                new Negotiator(EnumSet.allOf(ActionFlag.class), everyNoReply, Map.of(MacroStage.SMFIM_EOM, "i")),
                new Negotiator(EnumSet.of(ActionFlag.SMFIF_ADDHDRS), EnumSet.of(ProtocolFlag.SMFIP_NR_HDR,
                        ProtocolFlag.SMFIP_NR_BODY), Map.of()));
    }

    @Provide
    Arbitrary<Action> spamActions() {
        return Arbitraries.of(Action.class);
    }
}
