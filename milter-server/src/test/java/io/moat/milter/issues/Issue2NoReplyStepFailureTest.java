// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.engine.EngineSettings;
import io.moat.milter.engine.MilterSession;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.session.Negotiator;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Scorer;
import java.nio.file.Files;
import io.moat.milter.engine.QuarantineSink;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import java.util.OptionalDouble;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found while testing issue 2 (milter daemon): a failure inside Moat at a step negotiated as
 * "no reply" (SMFIP_NR_*) was swallowed. The session answered nothing, as it must, but it also
 * forgot the failure, so the message went on to end of message and was delivered with a trace
 * header saying "deliver", although part of it had never been checked. Example: the spool
 * directory cannot be written when a large body is spilled to disk under SMFIP_NR_BODY; the body
 * chunk was lost for the filters and the message passed. Tempfail is the default on failure, so
 * the failure must be carried to the next reply, as a verdict from a no-reply step already is.
 * Once carried, the end-of-message plan logged the message a second time; one message is one
 * log line, so the record made at the failure is the only one.
 */
class Issue2NoReplyStepFailureTest {
    @TempDir
    Path dir;

    private MilterSession session(List<MessageRecord> records, Path spool) {
        Negotiator nrBody = new Negotiator(EnumSet.allOf(ActionFlag.class),
                EnumSet.of(ProtocolFlag.SMFIP_NR_BODY, ProtocolFlag.SMFIP_HDR_LEADSPC), Map.of());
        EngineSettings settings = new EngineSettings(nrBody, new Pipeline(List.of()), new Scorer(5.0),
                PolicySource.fixed(new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(), new ActionPolicy(Map.of()), "")),
                QuarantineSink.NONE, records::add, Clock.systemUTC(), System::nanoTime, 1_000_000, 16, spool,
                "X-Moat-Status", "gw.example.net");
        return new MilterSession("i2", settings);
    }

    @Test
    void failureAtANoReplyBodyStepTempfailsTheMessageAtEndOfMessage() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("spool"), "a file where the spool directory should be");
        List<MessageRecord> records = new ArrayList<>();
        MilterSession s = session(records, notADirectory);
        s.handle(new Command.OptNeg(6, 0x1FF, 0x1FFFFF));
        s.handle(new Command.Mail("<a@example.org>", List.of()));
        s.handle(new Command.Rcpt("<b@example.net>", List.of()));
        s.handle(new Command.EndOfHeaders());

        List<Response> bodyReplies = s.handle(new Command.Body(new byte[100]));
        List<Response> eom = s.handle(new Command.EndOfMessage(new byte[0]));

        assertThat(bodyReplies).as("no reply to a no-reply step, even on failure").isEmpty();
        assertThat(eom).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 "));
        assertThat(records).singleElement().extracting(MessageRecord::action).isEqualTo("tempfail");
    }

    @Test
    void sameFailureWithARepliedBodyStepIsAnsweredAtOnce() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("spool"), "x");
        List<MessageRecord> records = new ArrayList<>();
        EngineSettings settings = new EngineSettings(Negotiator.defaults(), new Pipeline(List.of()), new Scorer(5.0),
                PolicySource.fixed(new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(), new ActionPolicy(Map.of()), "")),
                QuarantineSink.NONE, records::add, Clock.systemUTC(), System::nanoTime, 1_000_000, 16,
                notADirectory, "X-Moat-Status", "gw.example.net");
        MilterSession s = new MilterSession("i2b", settings);
        s.handle(new Command.OptNeg(6, 0x1FF, 0x1FFFFF));
        s.handle(new Command.Mail("<a@example.org>", List.of()));
        s.handle(new Command.EndOfHeaders());

        assertThat(s.handle(new Command.Body(new byte[100]))).singleElement()
                .isInstanceOfSatisfying(Response.ReplyCode.class, r -> assertThat(r.reply()).startsWith("451 "));
        assertThat(records).singleElement().extracting(MessageRecord::action).isEqualTo("tempfail");
    }
}
