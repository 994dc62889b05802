// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.engine.EngineSettings;
import io.moat.milter.engine.MilterSession;
import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.session.Negotiator;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Scorer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import io.moat.milter.engine.QuarantineSink;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import java.util.OptionalDouble;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found while testing issue 2 (milter daemon): once a body chunk went over the size limit it was
 * dropped, but a later, smaller chunk that fitted under the limit again was kept. Filters then saw
 * a body with a hole in the middle: text that was never sent side by side could match a content
 * rule, and text that was sent could be missed. This happens when the MTA cannot SKIP (sendmail
 * without SMFIP_SKIP) and oversized mail is delivered by policy. Once over the limit, nothing more
 * may be kept.
 */
class Issue2BodySpliceAfterOverflowTest {
    @TempDir
    Path spool;

    @Test
    void noChunkIsKeptAfterTheFirstOneThatWentOverTheLimit() throws Exception {
        List<String> bodies = new ArrayList<>();
        Filter capture = new Filter() {
            @Override
            public String name() {
                return "capture";
            }

            @Override
            public Stage stage() {
                return Stage.EOM;
            }

            @Override
            public FilterResult evaluate(FilterContext ctx) throws Exception {
                try (InputStream in = ctx.message().body().open()) {
                    bodies.add(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                }
                return FilterResult.PASS;
            }
        };
        EngineSettings settings = new EngineSettings(Negotiator.defaults(), new Pipeline(List.of(capture)),
                new Scorer(5.0), PolicySource.fixed(new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(), new ActionPolicy(Map.of(Classification.OVERSIZED, Action.DELIVER)), "")), QuarantineSink.NONE, r -> { },
                Clock.systemUTC(), System::nanoTime, 100, 1024, spool, "X-Moat-Status", "gw.example.net");
        MilterSession s = new MilterSession("i2c", settings);
        s.handle(new Command.OptNeg(6, 0x1FF, 0x1FFFFF & ~ProtocolFlag.SMFIP_SKIP.bit()));
        s.handle(new Command.Mail("<a@example.org>", List.of()));
        s.handle(new Command.EndOfHeaders());

        s.handle(new Command.Body("a".repeat(90).getBytes(StandardCharsets.US_ASCII)));
        s.handle(new Command.Body("b".repeat(20).getBytes(StandardCharsets.US_ASCII)));
        s.handle(new Command.Body("c".repeat(5).getBytes(StandardCharsets.US_ASCII)));
        s.handle(new Command.EndOfMessage(new byte[0]));

        assertThat(bodies).containsExactly("a".repeat(90));
    }
}
