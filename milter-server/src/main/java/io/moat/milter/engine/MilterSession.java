// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.HeaderField;
import io.moat.milter.session.Macros;
import io.moat.milter.session.MessageContent;
import io.moat.milter.session.Negotiated;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.SessionState;
import io.moat.milter.session.SessionStateMachine;
import io.moat.milter.session.Transaction;
import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Decision;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One milter connection: turns each command into its replies. Checks the order of commands,
 * scopes macros, keeps the transaction, runs the pipeline at each stage and maps its verdict
 * through {@link ResponsePlan}. A failure inside is contained: logged once, answered with tempfail.
 */
public final class MilterSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MilterSession.class);
    private static final SmtpReply INTERNAL = new SmtpReply(451, "4.3.0", "Temporary failure in mail filter, try again later");

    private final String id;
    private final EngineSettings settings;
    private final SessionStateMachine machine = new SessionStateMachine();
    private final Macros macros = new Macros();
    private Negotiated negotiated = Negotiated.none();
    private ClientInfo client = ClientInfo.UNKNOWN;
    private @Nullable Transaction tx;
    private @Nullable MessageOutcome outcome;
    private long commandStart;

    public MilterSession(String id, EngineSettings settings) {
        this.id = id;
        this.settings = settings;
    }

    public String id() {
        return id;
    }

    public SessionState state() {
        return machine.state();
    }

    /** True while a message is open: shutdown waits for it to end. */
    public boolean inMessage() {
        return machine.state().inMessage();
    }

    /** Whether answering this command may run filters, and so may need PROGRESS replies. */
    public boolean mayTakeLong(CommandCode code) {
        Stage stage = switch (code) {
            case SMFIC_CONNECT -> Stage.CONNECT;
            case SMFIC_HELO -> Stage.HELO;
            case SMFIC_MAIL -> Stage.MAIL;
            case SMFIC_RCPT -> Stage.RCPT;
            case SMFIC_DATA -> Stage.DATA;
            case SMFIC_EOH -> Stage.EOH;
            case SMFIC_BODYEOB -> Stage.EOM;
            default -> null;
        };
        return stage != null && negotiated.expectsReply(code) && settings.pipeline().hasFilters(stage);
    }

    public Negotiated negotiated() {
        return negotiated;
    }

    /**
     * The replies to one command, in order; empty when the command expects none.
     *
     * @throws ProtocolException when the MTA broke the protocol; the connection must close
     */
    public List<Response> handle(Command command) throws ProtocolException {
        machine.advance(command.code());
        long start = settings.ticker().getAsLong();
        commandStart = start;
        List<Response> replies;
        try {
            replies = dispatch(command);
        } catch (IOException | RuntimeException e) {
            LOG.error("conn={} qid={} internal error at {}: {}", id, queueId(), command.code(), e.toString(), e);
            replies = failSafe(command.code());
        }
        if (outcome != null) {
            outcome.addNanos(settings.ticker().getAsLong() - start);
        }
        ReplyDiscipline.check(command.code(), negotiated, replies);
        return replies;
    }

    private List<Response> dispatch(Command command) throws ProtocolException, IOException {
        return switch (command) {
            case Command.OptNeg o -> {
                negotiated = settings.negotiator().negotiate(o);
                yield List.of(negotiated.reply());
            }
            case Command.Macro m -> {
                macros.define(m.stage(), m.values());
                yield List.of();
            }
            case Command.Connect c -> {
                client = ClientInfo.of(c);
                yield stage(Stage.CONNECT, c.code(), null);
            }
            case Command.Helo h -> {
                client = client.withHelo(h.name());
                yield stage(Stage.HELO, h.code(), null);
            }
            case Command.Mail m -> mail(m);
            case Command.Rcpt r -> rcpt(r);
            case Command.Data d -> stage(Stage.DATA, d.code(), null);
            case Command.Header h -> header(h);
            case Command.EndOfHeaders e -> stage(Stage.EOH, e.code(), null);
            case Command.Body b -> body(b);
            case Command.EndOfMessage e -> endOfMessage(e);
            case Command.Unknown u -> reply(u.code(), new Response.Continue());
            case Command.Abort a -> {
                endTransaction('M');
                yield List.of();
            }
            case Command.Quit q -> {
                endTransaction('M');
                yield List.of();
            }
            case Command.QuitNewConnection q -> {
                endTransaction('M');
                macros.clearAll();
                client = ClientInfo.UNKNOWN;
                yield List.of();
            }
        };
    }

    private List<Response> mail(Command.Mail m) throws ProtocolException {
        // The MAIL macros just arrived; everything later belongs to the previous message.
        endTransaction('R');
        MessageContent body = new MessageContent(settings.memoryLimit(), settings.spoolDirectory());
        tx = new Transaction(settings.clock().instant(), ReversePath.parse(m.sender()), m.esmtpArgs(), body);
        outcome = new MessageOutcome();
        return stage(Stage.MAIL, m.code(), null);
    }

    private List<Response> rcpt(Command.Rcpt r) {
        FilterResult result = run(Stage.RCPT, r.recipient());
        Transaction t = openTx();
        Verdict v = result.verdict();
        boolean refused = v instanceof Verdict.Reject || v instanceof Verdict.TempFail;
        if (refused) {
            // What refused this recipient belongs to its own log line, not to the message the others get.
            List<Finding> all = new ArrayList<>(t.findings());
            all.addAll(result.findings());
            record(t, v, settings.scorer().decide(all), List.of(ReversePath.parse(r.recipient()).address()), false);
        } else {
            t.addFindings(result.findings());
            t.addRecipient(ReversePath.parse(r.recipient()).address());
        }
        return answer(Stage.RCPT, r.code(), v, !refused);
    }

    private List<Response> header(Command.Header h) {
        String value = h.value();
        if (negotiated.has(ProtocolFlag.SMFIP_HDR_LEADSPC) && value.startsWith(" ")) {
            value = value.substring(1);
        }
        openTx().addHeader(new HeaderField(h.name(), value));
        return reply(h.code(), new Response.Continue());
    }

    private List<Response> body(Command.Body b) throws IOException {
        Transaction t = openTx();
        // Once a chunk went over the limit nothing more is kept: filters must never see a body with a hole.
        if (openOutcome().overflowBytes() == 0 && t.size() + b.chunk().length <= settings.maxMessageSize()) {
            t.appendBody(b.chunk());
            return reply(b.code(), new Response.Continue());
        }
        // Over the limit: keep nothing more; the size is still counted by the end-of-message filter.
        openOutcome().overflow(b.chunk().length);
        boolean skip = negotiated.has(ProtocolFlag.SMFIP_SKIP);
        return reply(b.code(), skip ? new Response.Skip() : new Response.Continue());
    }

    private List<Response> endOfMessage(Command.EndOfMessage e) throws IOException {
        Transaction t = openTx();
        if (e.chunk().length > 0) {
            body(new Command.Body(e.chunk()));
        }
        FilterResult result = run(Stage.EOM, null);
        t.addFindings(result.findings());
        if (openOutcome().overflowBytes() > 0) {
            t.addFindings(List.of(new Finding("SIZE_OVER_LIMIT", 0,
                    (t.size() + openOutcome().overflowBytes()) + " > " + settings.maxMessageSize(), Classification.OVERSIZED)));
        }
        Decision decision = decide(t);
        DeliveryPlan plan = plan(t, result.verdict(), decision);
        long quarantineId = 0;
        if (!plan.held().isEmpty()) {
            try {
                quarantineId = settings.quarantine().hold(new HeldMessage(t, plan.held(), plan.classification(),
                        plan.decisionFor(plan.held(), decision),
                        "Moat: " + plan.classification().label() + " score=" + decision.score(), queueId(),
                        client.addressForLog(), settings.clock().instant()));
            } catch (IOException | RuntimeException ex) {
                LOG.error("conn={} qid={} quarantine write failed, answering tempfail: {}", id, queueId(), ex.toString(), ex);
                plan = plan.tempfail("Temporary failure storing the message, try again later");
            }
        }
        // The spam headers go on the copy that is delivered: the threshold of its first recipient, not of one removed.
        DeliveryPlan decided = plan;
        String shown = t.recipients().stream().filter(decided::delivers).findFirst()
                .orElse(t.recipients().isEmpty() ? "" : t.recipients().get(0));
        RecipientPolicy first = settings.policies().forRecipient(shown);
        String trace = (plan.tagged() ? "tag" : plan.verdict().action()) + "; class=" + plan.classification().label() + "; score=" + decision.score()
                + "; elapsed=" + elapsedNanos() / 1_000_000 + "ms; host=" + settings.hostname();
        List<Response> out = ResponsePlan.endOfMessage(plan, negotiated,
                new EndOfMessageHeaders(t.headers(), settings.traceHeader(), trace, decision, first.spamThreshold()));
        recordPlan(t, plan, decision, quarantineId);
        endTransaction('M');
        return out;
    }

    /** A filter's or an earlier stage's verdict applies to all; else each recipient's policy decides. */
    private DeliveryPlan plan(Transaction t, Verdict fromFilters, Decision decision) {
        Verdict forced = fromFilters instanceof Verdict.Continue ? t.pending() : fromFilters;
        Classification cls = settings.policies().forRecipient("").classify(decision);
        if (!(forced instanceof Verdict.Continue)) {
            return DeliveryPlan.whole(forced, t.recipients(), cls);
        }
        String release = t.header(settings.quarantine().releaseHeader()).orElse("");
        if (!release.isEmpty() && settings.quarantine().isReleased(release.strip())) {
            // A copy released from the quarantine by an operator: never held again.
            return DeliveryPlan.whole(new Verdict.Deliver(), t.recipients(), cls);
        }
        return DeliveryPlan.decide(t.recipients(), decision, settings.policies(), negotiated.may(ActionFlag.SMFIF_DELRCPT));
    }

    /** One record per group of recipients that met the same fate. */
    private void recordPlan(Transaction t, DeliveryPlan plan, Decision d, long quarantineId) {
        if (openOutcome().recorded()) {
            return; // an earlier stage already ended this message (and logged it)
        }
        Map<Action, List<String>> groups = new EnumMap<>(Action.class);
        plan.actions().forEach((r, a) -> groups.computeIfAbsent(a, k -> new ArrayList<>()).add(r));
        if (groups.isEmpty()) {
            record(t, plan.verdict(), d, List.of(), true);
            return;
        }
        groups.forEach((a, rcpts) -> record(t, a.label(), plan.classification(), plan.decisionFor(rcpts, d), rcpts,
                a == Action.QUARANTINE ? quarantineId : 0));
        openOutcome().markRecorded();
    }

    /** Runs a stage and answers it (or defers the verdict when the MTA expects no answer). */
    private List<Response> stage(Stage stage, CommandCode code, @Nullable String rcpt) {
        FilterResult result = run(stage, rcpt);
        if (tx != null) {
            tx.addFindings(result.findings());
        }
        return answer(stage, code, result.verdict(), true);
    }

    private List<Response> answer(Stage stage, CommandCode code, Verdict v, boolean forMessage) {
        Transaction t = tx;
        if (!negotiated.expectsReply(code)) {
            if (t != null && forMessage && !(v instanceof Verdict.Continue)) {
                t.setPending(v);
            }
            return List.of();
        }
        if (t != null && forMessage && v instanceof Verdict.Continue && !(t.pending() instanceof Verdict.Continue)
                && !(t.pending() instanceof Verdict.Quarantine)) {
            v = t.pending();
        }
        if (t != null && forMessage && v instanceof Verdict.Quarantine) {
            t.setPending(v);
        }
        boolean endsMessage = t != null && forMessage && stage.compareTo(Stage.MAIL) >= 0
                && !(v instanceof Verdict.Continue) && !(v instanceof Verdict.Quarantine);
        if (endsMessage) {
            record(t, v, decide(t), t.recipients(), true);
            t.setPending(v);
        }
        return List.of(ResponsePlan.beforeEndOfMessage(stage, v));
    }

    private FilterResult run(Stage stage, @Nullable String rcpt) {
        if (!settings.pipeline().hasFilters(stage) || (isContentStage(stage) && allPassThrough())) {
            return FilterResult.PASS;
        }
        return settings.pipeline().run(new FilterContext(stage, id, client, macros, tx, rcpt, settings.clock()));
    }

    private static boolean isContentStage(Stage stage) {
        return stage == Stage.EOH || stage == Stage.EOM;
    }

    /** Every recipient is in a pass-through domain: content filters have nobody to protect. */
    private boolean allPassThrough() {
        Transaction t = tx;
        return t != null && !t.recipients().isEmpty()
                && t.recipients().stream().allMatch(r -> settings.policies().forRecipient(r).passThrough());
    }

    private Decision decide(Transaction t) {
        return settings.scorer().decide(t.findings());
    }

    /** Logs the message's fate once; a refused recipient gets a line of its own. */
    private void record(Transaction t, Verdict v, Decision d, List<String> recipients, boolean wholeMessage) {
        MessageOutcome o = openOutcome();
        if (wholeMessage) {
            if (o.recorded()) {
                return;
            }
            o.markRecorded();
        }
        record(t, v.action(), d.classification(), d, recipients, 0);
    }

    private void record(Transaction t, String action, Classification cls, Decision d, List<String> recipients, long quarantineId) {
        settings.recorder().record(new MessageRecord(
                settings.clock().instant(), settings.hostname(), action, cls,
                t.sender().address(), recipients, t.subject(), t.header("Message-ID").orElse(""),
                d.score(), t.size() + openOutcome().overflowBytes(), queueId(), client.addressForLog(),
                Duration.ofNanos(elapsedNanos()), d.findings(), quarantineId));
    }

    private List<Response> failSafe(CommandCode code) {
        if (code == CommandCode.SMFIC_OPTNEG) {
            return List.of();
        }
        Transaction t = tx;
        if (t != null && machine.state() != SessionState.CLOSED) {
            // Kept as the pending verdict, so a failure at a no-reply step is answered at the next reply.
            Verdict v = new Verdict.TempFail(INTERNAL);
            record(t, v, decide(t), t.recipients(), true);
            t.setPending(v);
        }
        return negotiated.expectsReply(code) ? List.of(INTERNAL.toResponse()) : List.of();
    }

    private List<Response> reply(CommandCode code, Response r) {
        return negotiated.expectsReply(code) ? List.of(r) : List.of();
    }

    private Transaction openTx() {
        Transaction t = tx;
        if (t == null) {
            throw new IllegalStateException("no open transaction");
        }
        return t;
    }

    private MessageOutcome openOutcome() {
        MessageOutcome o = outcome;
        if (o == null) {
            throw new IllegalStateException("no open transaction");
        }
        return o;
    }

    /** Time Moat spent on the open message, including the command now running. */
    private long elapsedNanos() {
        MessageOutcome o = outcome;
        long done = o == null ? 0 : o.elapsedNanos();
        return done + settings.ticker().getAsLong() - commandStart;
    }

    private String queueId() {
        return macros.get("i").orElse("");
    }

    /** Drops the message, and the macros from {@code macroStage} on, so no queue id outlives it. */
    private void endTransaction(char macroStage) {
        Transaction t = tx;
        tx = null;
        outcome = null;
        macros.clearFrom(macroStage);
        if (t != null) {
            t.close();
        }
    }

    @Override
    public void close() {
        endTransaction('M');
    }
}
