// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.engine.EngineSettings;
import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.Negotiator;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Scorer;
import io.moat.milter.engine.QuarantineSink;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import java.util.OptionalDouble;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a filter works longer than the progress interval, PROGRESS replies keep Postfix's
 * content timeout from firing; they all come before the one final reply.
 */
class ProgressTest {
    @TempDir
    Path spool;

    private final AtomicLong eomDelayMillis = new AtomicLong();

    private final Filter slowScanner = new Filter() {
        @Override
        public String name() {
            return "slow-scanner";
        }

        @Override
        public Stage stage() {
            return Stage.EOM;
        }

        @Override
        public FilterResult evaluate(FilterContext ctx) throws InterruptedException {
            Thread.sleep(eomDelayMillis.get());
            return FilterResult.PASS;
        }
    };

    private MilterServer server() throws Exception {
        EngineSettings engine = new EngineSettings(Negotiator.defaults(), new Pipeline(List.of(slowScanner)),
                new Scorer(5.0), PolicySource.fixed(new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(), new ActionPolicy(Map.of()), "")),
                QuarantineSink.NONE, r -> { }, Clock.systemUTC(), System::nanoTime,
                1_000_000, 65536, spool, "X-Moat-Status", "gw.test");
        ServerSettings settings = new ServerSettings(4, 16, 1 << 20, Duration.ofMillis(100), Duration.ofSeconds(30),
                "rw-rw----");
        MilterServer server = new MilterServer(settings, engine);
        server.start(List.of(new ListenAddress.Inet("127.0.0.1", 0)));
        return server;
    }

    private static List<Response> message(MilterTestClient c) throws Exception {
        c.negotiate(MilterTestClient.POSTFIX_OFFER);
        return c.sendMessage("<a@example.org>", "<b@example.net>", "4SLOW", MilterTestClient.ORDINARY_MESSAGE);
    }

    @Test
    void slowEndOfMessageSendsProgressBeforeTheFinalReply() throws Exception {
        eomDelayMillis.set(1500);
        MilterServer server = server();
        try (MilterTestClient c = MilterTestClient.connect(server.boundAddresses().get(0))) {
            c.readTimeout(Duration.ofMillis(900)); // would fail without PROGRESS: the scan takes longer

            List<Response> eom = message(c);

            long progress = eom.stream().filter(r -> r instanceof Response.Progress).count();
            assertThat(progress).as("one every 100 ms of a 1.5 s scan").isGreaterThanOrEqualTo(5);
            assertThat(eom.subList(0, (int) progress)).allMatch(r -> r instanceof Response.Progress);
            assertThat(eom.get(eom.size() - 2)).isInstanceOf(Response.AddHeader.class);
            assertThat(eom).last().isEqualTo(new Response.Continue());
            assertThat(eom).filteredOn(Response::terminal).hasSize(1);
        } finally {
            server.close();
        }
    }

    @Test
    void quickEndOfMessageSendsNoProgressAndNoneArrivesLater() throws Exception {
        eomDelayMillis.set(0);
        MilterServer server = server();
        try (MilterTestClient c = MilterTestClient.connect(server.boundAddresses().get(0))) {
            List<Response> eom = message(c);

            assertThat(eom).noneMatch(r -> r instanceof Response.Progress);
            Thread.sleep(300);
            assertThat(c.last(new Command.Unknown("NOOP"))).as("next reply is not a stray PROGRESS")
                    .isEqualTo(new Response.Continue());
        } finally {
            server.close();
        }
    }
}
