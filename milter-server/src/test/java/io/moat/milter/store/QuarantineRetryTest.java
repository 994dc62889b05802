// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.engine.EngineSettings;
import io.moat.milter.engine.HeldMessage;
import io.moat.milter.engine.MilterSession;
import io.moat.milter.engine.QuarantineSink;
import io.moat.milter.filter.GtubeFilter;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.Negotiator;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Scorer;
import io.moat.store.QuarantineQuery;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing twice: the daemon dies after the quarantine write and before its answer;
 * Postfix tempfails the client, which sends the same message again under a new queue id.
 */
class QuarantineRetryTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private MilterSession session(QuarantineSink sink) {
        PolicySource quarantineSpam = PolicySource.fixed(RecipientPolicy.of(5.0,
                new ActionPolicy(Map.of(Classification.SPAM, Action.QUARANTINE))));
        return new MilterSession("r", new EngineSettings(Negotiator.defaults(), new Pipeline(List.of(new GtubeFilter())),
                new Scorer(5.0), quarantineSpam, sink, r -> { }, Clock.systemUTC(), System::nanoTime,
                1_000_000, 65536, dir, "X-Moat-Status", "gw.example.net"));
    }

    private static List<Response> send(MilterSession s, String queueId) throws Exception {
        s.handle(new Command.OptNeg(6, 0x1FF, 0x1FFFFF));
        s.handle(new Command.Connect("client.example.org", Command.Family.SMFIA_INET, 4711, "192.0.2.7"));
        s.handle(new Command.Mail("<sender@example.org>", List.of()));
        s.handle(new Command.Rcpt("<ann@example.net>", List.of()));
        s.handle(new Command.Macro('T', Map.of("i", queueId)));
        s.handle(new Command.Data());
        s.handle(new Command.Header("Subject", " offer"));
        s.handle(new Command.Header("Message-ID", " <m1@example.org>"));
        s.handle(new Command.EndOfHeaders());
        s.handle(new Command.Body((GTUBE + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        return s.handle(new Command.EndOfMessage(new byte[0]));
    }

    @Test
    void crashAfterTheWriteThenRetryUnderANewQueueIdKeepsExactlyOneCopy() throws Exception {
        QuarantineSink real = new StoreQuarantineSink(store.quarantine());
        QuarantineSink diesAfterWrite = new QuarantineSink() {
            @Override
            public long hold(HeldMessage m) throws IOException {
                real.hold(m);
                throw new IOException("daemon killed before answering");
            }

            @Override
            public boolean isReleased(String token) {
                return false;
            }

            @Override
            public String releaseHeader() {
                return real.releaseHeader();
            }
        };

        List<Response> first = send(session(diesAfterWrite), "4FIRST");
        assertThat(first).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 "));
        assertThat(store.quarantine().list(QuarantineQuery.all(10))).hasSize(1);

        List<Response> retry = send(session(real), "4RETRY");
        assertThat(retry).containsExactly(new Response.Discard());
        assertThat(store.quarantine().list(QuarantineQuery.all(10))).singleElement().satisfies(q -> {
            assertThat(q.queueId()).isEqualTo("4FIRST");
            assertThat(q.classification().label()).isEqualTo("spam");
        });
    }

    @Test
    void storeThatCannotBeWrittenTempfailsAndKeepsNothingHalfWritten() throws Exception {
        QuarantineSink sink = new StoreQuarantineSink(store.quarantine());
        store.close();

        List<Response> eom = send(session(sink), "4DOWN");

        assertThat(eom).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 4.7.1 "));
    }
}
