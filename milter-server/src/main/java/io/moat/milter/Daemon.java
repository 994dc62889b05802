// SPDX-License-Identifier: Apache-2.0
package io.moat.milter;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.moat.milter.config.ConfiguredPolicySource;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.engine.EngineSettings;
import io.moat.milter.engine.QuarantineSink;
import io.moat.milter.filter.DeclaredSizeFilter;
import io.moat.milter.filter.GtubeFilter;
import io.moat.milter.filter.MessageSizeFilter;
import io.moat.milter.filter.av.AntivirusFilter;
import io.moat.milter.filter.av.AntivirusSettings;
import io.moat.milter.filter.av.ClamdClient;
import io.moat.milter.filter.content.AttachmentFilter;
import io.moat.milter.filter.content.ContentInspector;
import io.moat.milter.filter.content.ContentReports;
import io.moat.milter.filter.content.MimeWalker;
import io.moat.milter.filter.content.UrlHostFilter;
import io.moat.milter.filter.envelope.ConfiguredMailboxDirectory;
import io.moat.milter.filter.envelope.MailboxDirectory;
import io.moat.milter.filter.envelope.RecipientPolicyFilter;
import io.moat.milter.filter.envelope.SenderAllowFilter;
import io.moat.milter.filter.envelope.SenderListing;
import io.moat.milter.filter.header.HeaderCheckFilter;
import io.moat.milter.filter.rbl.RblFilters;
import io.moat.milter.filter.spam.ContentRules;
import io.moat.milter.filter.spam.SpamScoreFilter;
import io.moat.milter.metrics.AntivirusMeters;
import io.moat.milter.metrics.ConnectionMeters;
import io.moat.milter.metrics.MessageLogMeters;
import io.moat.milter.metrics.MessageMeters;
import io.moat.milter.metrics.MetricsExport;
import io.moat.milter.metrics.RblMeters;
import io.moat.milter.offline.OfflineScan;
import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.record.MessageRecorder;
import io.moat.milter.session.Negotiator;
import io.moat.milter.transport.ListenAddress;
import io.moat.milter.transport.MilterServer;
import io.moat.milter.transport.ServerSettings;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Scorer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import io.moat.milter.store.RetentionJob;
import io.moat.milter.store.StoreMailboxDirectory;
import io.moat.milter.store.StoreTokenStore;
import io.moat.milter.store.StoreMessageLog;
import io.moat.milter.store.StorePolicySource;
import io.moat.milter.store.StoreQuarantineSink;
import io.moat.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the pipeline, policy and server from a {@link MoatConfig} by hand,
 * in one place, so the whole wiring can be read top to bottom. No DI framework, no scanning.
 */
public final class Daemon implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final MoatConfig config;
    private final MilterServer server;
    private final ContentRules rules;
    private final List<AutoCloseable> resources;
    private final @Nullable MetricsExport metrics;

    private Daemon(MoatConfig config, MilterServer server, ContentRules rules, List<AutoCloseable> resources,
            @Nullable MetricsExport metrics) {
        this.config = config;
        this.server = server;
        this.rules = rules;
        this.resources = resources;
        this.metrics = metrics;
    }

    /**
     * Wires and starts the daemon without a store: policies come from the config file only and
     * a quarantine action is answered with tempfail. For tests and store-less setups.
     */
    public static Daemon start(MoatConfig config, Clock clock, LongSupplier ticker, MessageRecorder recorder) throws IOException {
        return start(config, new ConfiguredPolicySource(config), QuarantineSink.NONE,
                new ConfiguredMailboxDirectory(config.envelope()), null, clock, ticker, recorder, List.of(), List.of());
    }

    /**
     * Wires and starts the daemon on a store: quarantine, message log and per-domain/mailbox
     * policy. The store is closed with the daemon.
     */
    public static Daemon start(MoatConfig config, Store store, Clock clock, LongSupplier ticker, MessageRecorder recorder)
            throws IOException {
        StoreMessageLog messageLog = new StoreMessageLog(store.messageLog(), 100_000);
        PolicySource policies = new StorePolicySource(store.policies(), new ConfiguredPolicySource(config),
                config.bannedTypes(), Duration.ofSeconds(5));
        RetentionJob retention = RetentionJob.start(store, config.store(), clock);
        MailboxDirectory directory = new StoreMailboxDirectory(store, new ConfiguredMailboxDirectory(config.envelope()),
                config.envelope().recipientDelimiter(), Duration.ofSeconds(5));
        return start(config, policies, new StoreQuarantineSink(store.quarantine()), directory,
                () -> StoreTokenStore.snapshot(store.bayes()), clock, ticker, both(recorder, messageLog),
                List.of(retention, messageLog, store), List.of(new MessageLogMeters(messageLog)));
    }

    private static Daemon start(MoatConfig config, PolicySource policies, QuarantineSink quarantine,
            MailboxDirectory envelope, ContentRules.@Nullable TokenSource sharedTokens, Clock clock,
            LongSupplier ticker, MessageRecorder recorder, List<AutoCloseable> resources, List<MeterBinder> meters)
            throws IOException {
        ActionPolicy policy = new ActionPolicy(config.actions());
        ContentRules rules = new ContentRules(config.rules(), sharedTokens);
        // Recipients of pass-through domains keep only the connection-level protections.
        PolicySource effective = r -> !r.isEmpty() && envelope.passThrough(r) ? RecipientPolicy.PASS_THROUGH : policies.forRecipient(r);
        List<MeterBinder> binders = new ArrayList<>(meters);
        List<Filter> filters = filters(config, policy, rules, envelope, effective, binders);
        PrometheusMeterRegistry registry = config.metrics().enabled() ? MetricsExport.registry(clock, ticker) : null;
        MessageRecorder recorded = registry == null ? recorder : both(recorder, new MessageMeters(registry));
        EngineSettings engine = new EngineSettings(Negotiator.defaults(), new Pipeline(filters),
                new Scorer(config.spamThreshold()), effective, quarantine,
                recorded, clock, ticker, config.maxMessageSize(),
                config.memoryBuffer(), config.spoolDirectory(), config.traceHeader(), config.hostname());
        ServerSettings server = new ServerSettings(config.maxConnections(), 512, config.maxFrameSize(),
                config.progressInterval(), config.idleTimeout(), config.unixSocketMode());
        // Steps whose verdict can wait go unanswered where configured; CONNECT and HELO only when no filter runs there.
        Pipeline pipeline = engine.pipeline();
        EngineSettings fewerReplies = engine.withNegotiator(engine.negotiator().withNoReply(
                pipeline.hasFilters(Stage.CONNECT), pipeline.hasFilters(Stage.HELO)));
        MilterServer milter = new MilterServer(server,
                config.noReply().appliesTo(false) ? fewerReplies : engine,
                config.noReply().appliesTo(true) ? fewerReplies : engine);
        binders.add(new ConnectionMeters(milter));
        MetricsExport metrics = null;
        try {
            bind(milter, config);
            if (registry != null) {
                metrics = MetricsExport.start(config.metrics(), registry, binders);
            }
        } catch (IOException | RuntimeException e) {
            milter.close();
            throw e;
        }
        LOG.info("moat-milter ready: {} filters, max message size {} bytes, {} connections at most",
                filters.size(), config.maxMessageSize(), config.maxConnections());
        // Filters holding connections (the clamd pools) close after the last message, before the store.
        List<AutoCloseable> owned = new ArrayList<>();
        filters.stream().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).forEach(owned::add);
        owned.addAll(resources);
        return new Daemon(config, milter, rules, owned, metrics);
    }

    private static MessageRecorder both(MessageRecorder first, MessageRecorder second) {
        return r -> {
            first.record(r);
            second.record(r);
        };
    }

    /** The filters, in the order they run within each stage; the meters of their counters go to {@code meters}. */
    static List<Filter> filters(MoatConfig config, ActionPolicy policy, ContentRules rules, MailboxDirectory envelope,
            PolicySource policies, List<MeterBinder> meters) {
        ContentReports content = new ContentReports(
                new ContentInspector(config.contentLimits(), config.bannedTypes(), config.spoolDirectory()));
        List<Filter> out = new ArrayList<>(List.of(
                new DeclaredSizeFilter(config.maxMessageSize(), policy),
                new MessageSizeFilter(config.maxMessageSize())));
        if (config.contentWalk()) {
            out.add(new AttachmentFilter(content));
        }
        AntivirusSettings av = config.antivirus();
        if (av.enabled()) {
            List<ClamdClient> engines = av.engines().stream().map(e -> new ClamdClient(e, av.clamd())).toList();
            AntivirusFilter antivirus = new AntivirusFilter(engines, av,
                    new MimeWalker(config.contentLimits().maxDepth(), AntivirusFilter.MAX_MULTIPART_NESTING), policies);
            out.add(antivirus);
            meters.add(new AntivirusMeters(antivirus));
        }
        out.addAll(List.of(
                new GtubeFilter(),
                new RecipientPolicyFilter(envelope),
                new SenderAllowFilter(envelope, config.envelope().allowWeight())));
        // After the recipient policy, so an unknown recipient is told 5.1.1 before any RBL refusal.
        RblFilters rbl = RblFilters.of(config.rbl(), config.maxConnections(), Ticker.systemTicker(),
                (sender, rcpt) -> envelope.sender(sender, rcpt) instanceof SenderListing.Allowed);
        out.addAll(rbl.filters());
        meters.add(new RblMeters(config.rbl().zones(), rbl.counters()));
        if (!rbl.domainLists().isEmpty() && config.contentWalk()) {
            out.add(new UrlHostFilter(content, rbl.domainLists()::findings));
        }
        if (config.headerChecks()) {
            out.add(HeaderCheckFilter.standard());
        }
        if (config.rules().enabled()) {
            out.add(new SpamScoreFilter(rules, Math.min(config.maxMessageSize(), 4L * 1024 * 1024)));
        }
        return out;
    }

    /** The daemon's pipeline for message files ({@code moat scan}), wired from the same config. */
    public static OfflineScan offline(MoatConfig config, Clock clock) throws IOException {
        ActionPolicy policy = new ActionPolicy(config.actions());
        ContentRules.TokenSource shared = () -> {
            try (Store store = Store.open(config.store().storeConfig(), clock)) {
                return StoreTokenStore.snapshot(store.bayes());
            } catch (RuntimeException e) {
                throw new IOException("cannot read the statistical filter's state from the store: " + e.getMessage(), e);
            }
        };
        Pipeline pipeline = new Pipeline(filters(config, policy, new ContentRules(config.rules(), shared),
                new ConfiguredMailboxDirectory(config.envelope()), new ConfiguredPolicySource(config), new ArrayList<>()));
        return new OfflineScan(pipeline, new Scorer(config.spamThreshold()), config.defaultPolicy(), clock,
                config.spoolDirectory());
    }

    /**
     * The policy the daemon would apply to {@code recipient}: the store's settings for its mailbox
     * or domain over the config file's, as {@code moat policy set} left them.
     */
    public static RecipientPolicy policyFor(MoatConfig config, String recipient, Clock clock) throws IOException {
        try (Store store = Store.open(config.store().storeConfig(), clock)) {
            return new StorePolicySource(store.policies(), new ConfiguredPolicySource(config), config.bannedTypes(),
                    Duration.ofSeconds(1)).forRecipient(recipient);
        } catch (RuntimeException e) {
            throw new IOException("cannot read the policies from the store: " + e.getMessage(), e);
        }
    }

    /** Loads the rules and the statistical filter's state again (SIGHUP); the old set stays on error. */
    public boolean reloadRules() {
        return rules.reload();
    }

    private static void bind(MilterServer milter, MoatConfig config) throws IOException {
        for (ListenAddress a : config.listen()) {
            try {
                milter.start(List.of(a));
            } catch (IOException e) {
                // The embedded default unix socket is a convenience; an address the admin chose is not.
                if (config.listenIsDefault() && a instanceof ListenAddress.Unix) {
                    LOG.warn("{}; going on without it", e.getMessage());
                } else {
                    throw e;
                }
            }
        }
        if (milter.boundAddresses().isEmpty()) {
            throw new IOException("no listener could be bound");
        }
    }

    public List<SocketAddress> boundAddresses() {
        return server.boundAddresses();
    }

    public MilterServer server() {
        return server;
    }

    /** Where {@code GET /metrics} is served; empty when metrics are off or their default address was taken. */
    public Optional<InetSocketAddress> metricsAddress() {
        return metrics == null ? Optional.empty() : metrics.address();
    }

    /** Graceful stop: in-flight messages finish within the configured grace period. */
    @Override
    public void close() {
        LOG.info("shutting down: finishing messages in flight (up to {})", config.shutdownGrace());
        boolean clean = server.shutdown(config.shutdownGrace());
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", r, e.toString());
            }
        }
        if (metrics != null) {
            metrics.close();
        }
        LOG.info("stopped{}", clean ? "" : " (some connections were cut)");
    }
}
