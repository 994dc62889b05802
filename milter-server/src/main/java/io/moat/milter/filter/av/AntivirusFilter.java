// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import io.moat.milter.filter.av.AntivirusSettings.ScanMode;
import io.moat.milter.filter.content.MimeWalker;
import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams each message (or each decoded part) to every configured clamd; all must pass. A virus
 * is an AV_INFECTED finding with the signature name, class virus. When an engine cannot answer
 * (down, timed out, broken reply) the message is tempfailed (451 4.7.1) for all its recipients,
 * never delivered unscanned, unless every recipient's policy chose fail-open: then it goes on
 * with an AV_UNAVAILABLE finding and the fail-open counter grows. One message is one copy for
 * Postfix, so a mix is tempfailed whole: the sender retries, nobody gets it unscanned against
 * their policy, and nothing is lost or delivered twice.
 */
public final class AntivirusFilter implements Filter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AntivirusFilter.class);
    static final SmtpReply UNAVAILABLE = SmtpReply.tempfail("Virus scanner unavailable, try again later");
    /**
     * How deep the parts walk follows nested multiparts: far past what the content walk accepts,
     * so a virus buried under more levels than clamd's MIME parser follows is still streamed.
     */
    public static final int MAX_MULTIPART_NESTING = 1000;
    static final SmtpReply TOO_LARGE = SmtpReply.tempfail("Message part too large to scan, try again later");

    private final List<ClamdClient> engines;
    private final AntivirusSettings settings;
    private final MimeWalker walker;
    private final PolicySource policies;
    private final LongAdder failedOpen = new LongAdder();
    private final ScanCounts scans = new ScanCounts();
    private final LongAdder failedClosed = new LongAdder();

    /** A filter whose fail-open is the global {@code antivirus.fail-open} for every recipient. */
    public AntivirusFilter(List<ClamdClient> engines, AntivirusSettings settings, MimeWalker walker) {
        this(engines, settings, walker, PolicySource.fixed(
                RecipientPolicy.of(0, new ActionPolicy(Map.of())).withAntivirusFailOpen(settings.failOpen())));
    }

    /** A filter asking each recipient's policy whether it accepts mail unscanned. */
    public AntivirusFilter(List<ClamdClient> engines, AntivirusSettings settings, MimeWalker walker, PolicySource policies) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("the antivirus filter needs at least one clamd engine");
        }
        this.engines = List.copyOf(engines);
        this.settings = settings;
        this.walker = walker;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "antivirus";
    }

    @Override
    public Stage stage() {
        return Stage.EOM;
    }

    /** Messages let through unscanned because every recipient chose fail-open: a metric. */
    public long failedOpen() {
        return failedOpen.sum();
    }

    /** How the scans of messages ended: a metric. */
    public ScanCounts scans() {
        return scans;
    }

    /** Messages tempfailed because the antivirus could not answer and not every recipient chose fail-open. */
    public long failedClosed() {
        return failedClosed.sum();
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) throws IOException, InterruptedException {
        ScanResult worst = ScanResult.CLEAN;
        for (ClamdClient engine : engines) {
            worst = worst.worse(scan(engine, ctx.message()));
            if (worst instanceof ScanResult.Infected) {
                break;
            }
        }
        scans.count(worst);
        return switch (worst) {
            case ScanResult.Clean c -> FilterResult.PASS;
            case ScanResult.Infected i ->
                    FilterResult.found(new Finding("AV_INFECTED", 0, i.signature(), Classification.VIRUS));
            case ScanResult.Failed f -> failed(ctx, f);
        };
    }

    private FilterResult failed(FilterContext ctx, ScanResult.Failed f) {
        if (f.cause() == ScanResult.Cause.TOO_LARGE) {
            return switch (settings.onTooLarge()) {
                case UNCHECKED -> FilterResult.found(new Finding("AV_TOO_LARGE", 0, f.detail(), Classification.UNCHECKED));
                case TEMPFAIL -> FilterResult.decide(new Verdict.TempFail(TOO_LARGE), Finding.of("AV_TOO_LARGE", 0, f.detail()));
            };
        }
        Finding finding = Finding.of("AV_UNAVAILABLE", 0, f.cause() + ": " + f.detail());
        if (policies.mayDeliverUnscanned(ctx.message().recipients())) {
            failedOpen.increment();
            LOG.warn("conn={} qid={} antivirus fail-open, message passes unscanned: {}", ctx.connectionId(),
                    ctx.queueId().orElse("-"), f.detail());
            return FilterResult.found(finding);
        }
        failedClosed.increment();
        LOG.warn("conn={} qid={} antivirus unavailable, tempfail: {}", ctx.connectionId(), ctx.queueId().orElse("-"),
                f.detail());
        return FilterResult.decide(new Verdict.TempFail(UNAVAILABLE), finding);
    }

    private ScanResult scan(ClamdClient engine, Transaction t) throws IOException, InterruptedException {
        if (settings.mode() == ScanMode.MESSAGE) {
            return whole(engine, t);
        }
        ScanResult[] worst = {ScanResult.CLEAN};
        try (InputStream in = t.openMessage()) {
            MimeWalker.Walk w = walker.walk(in, 0, (part, decoded) -> {
                if (!(worst[0] instanceof ScanResult.Infected)) {
                    worst[0] = worst[0].worse(scanPart(engine, decoded));
                }
            });
            if (!w.complete()) {
                // The walk could not reach every part: let clamd read the message whole as well.
                worst[0] = worst[0].worse(whole(engine, t));
            }
        } catch (io.moat.milter.filter.content.ContentLimitException | RuntimeException e) {
            // Nesting past the limit, or a parser tripping over hostile MIME: clamd reads it whole.
            worst[0] = worst[0].worse(whole(engine, t));
        } catch (InterruptedIOException e) {
            throw new InterruptedException(e.getMessage());
        }
        return worst[0];
    }

    private static ScanResult whole(ClamdClient engine, Transaction t) throws IOException, InterruptedException {
        try (InputStream in = t.openMessage()) {
            return engine.scan(in);
        }
    }

    private static ScanResult scanPart(ClamdClient engine, InputStream decoded) throws IOException {
        try {
            return engine.scan(decoded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scanning");
        }
    }

    /** Ends the idle clamd sessions of every engine. */
    @Override
    public void close() {
        engines.forEach(ClamdClient::close);
    }
}
