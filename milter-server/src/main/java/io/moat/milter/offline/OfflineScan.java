// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.offline;

import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.HeaderField;
import io.moat.milter.session.Macros;
import io.moat.milter.session.MessageContent;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.Decision;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Scorer;
import io.moat.milter.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Runs the daemon's content stages (end of headers and end of message) on a message file, as
 * {@code spamassassin -t} does: what {@code moat scan} prints. Envelope stages (connect, MAIL,
 * RCPT) need an SMTP session and are not run.
 */
public final class OfflineScan {
    private final Pipeline pipeline;
    private final Scorer scorer;
    private final RecipientPolicy policy;
    private final Clock clock;
    private final Path spool;

    public OfflineScan(Pipeline pipeline, Scorer scorer, RecipientPolicy policy, Clock clock, Path spool) {
        this.pipeline = pipeline;
        this.scorer = scorer;
        this.policy = policy;
        this.clock = clock;
        this.spool = spool;
    }

    /** The same scan, judged by {@code recipient}'s policy: its actions, thresholds and banned file types. */
    public OfflineScan forRecipient(RecipientPolicy recipient) {
        return new OfflineScan(pipeline, scorer, recipient, clock, spool);
    }

    public ScanReport scan(String name, byte[] raw) throws IOException {
        MessageFile file = MessageFile.parse(raw);
        String sender = file.headers().stream().filter(h -> h.name().equalsIgnoreCase("Return-Path"))
                .map(HeaderField::value).findFirst().orElse("");
        try (Transaction tx = new Transaction(clock.instant(), ReversePath.parse(sender), List.of(),
                new MessageContent(8 * 1024 * 1024, spool))) {
            file.headers().forEach(tx::addHeader);
            tx.appendBody(file.body());
            Verdict forced = Verdict.CONTINUE;
            for (Stage stage : List.of(Stage.EOH, Stage.EOM)) {
                FilterResult r = pipeline.run(new FilterContext(stage, "scan", ClientInfo.UNKNOWN, new Macros(), tx, null, clock));
                tx.addFindings(r.findings());
                if (!(r.verdict() instanceof Verdict.Continue) && forced instanceof Verdict.Continue) {
                    forced = r.verdict();
                }
            }
            Decision d = policy.decisionFor(scorer.decide(tx.findings()));
            Action action = switch (forced) {
                case Verdict.Continue c -> policy.actionFor(d);
                case Verdict.Deliver x -> Action.DELIVER;
                case Verdict.Reject x -> Action.REJECT;
                case Verdict.TempFail x -> Action.TEMPFAIL;
                case Verdict.Quarantine x -> Action.QUARANTINE;
                case Verdict.Drop x -> Action.DROP;
            };
            return new ScanReport(name, policy.classify(d), d.score(), action, d.findings());
        }
    }
}
