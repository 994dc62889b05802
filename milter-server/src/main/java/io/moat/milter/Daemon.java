// SPDX-License-Identifier: Apache-2.0
package io.moat.milter;

import io.moat.milter.config.MoatConfig;
import io.moat.milter.engine.EngineSettings;
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
import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.record.MessageRecorder;
import io.moat.milter.session.Negotiator;
import io.moat.milter.transport.ListenAddress;
import io.moat.milter.transport.MilterServer;
import io.moat.milter.transport.ServerSettings;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Scorer;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
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

    private Daemon(MoatConfig config, MilterServer server) {
        this.config = config;
        this.server = server;
    }

    /** Wires and starts the daemon; listeners are bound when this returns. */
    public static Daemon start(MoatConfig config, Clock clock, LongSupplier ticker, MessageRecorder recorder) throws IOException {
        ActionPolicy policy = new ActionPolicy(config.actions());
        EngineSettings engine = new EngineSettings(Negotiator.defaults(), new Pipeline(filters(config, policy)),
                new Scorer(config.spamThreshold()), policy, recorder, clock, ticker, config.maxMessageSize(),
                config.memoryBuffer(), config.spoolDirectory(), config.traceHeader(), config.hostname());
        ServerSettings server = new ServerSettings(config.maxConnections(), 512, config.maxFrameSize(),
                config.progressInterval(), config.idleTimeout(), config.unixSocketMode());
        MilterServer milter = new MilterServer(server, engine);
        try {
            bind(milter, config);
        } catch (IOException | RuntimeException e) {
            milter.close();
            throw e;
        }
        LOG.info("moat-milter ready: {} filters, max message size {} bytes, {} connections at most",
                filters(config, policy).size(), config.maxMessageSize(), config.maxConnections());
        return new Daemon(config, milter);
    }

    /** The filters, in the order they run within each stage. */
    static List<Filter> filters(MoatConfig config, ActionPolicy policy) {
        ContentReports content = new ContentReports(
                new ContentInspector(config.contentLimits(), config.bannedTypes(), config.spoolDirectory()));
        List<Filter> filters = new ArrayList<>(List.of(
                new DeclaredSizeFilter(config.maxMessageSize(), policy),
                new MessageSizeFilter(config.maxMessageSize()),
                new AttachmentFilter(content)));
        AntivirusSettings av = config.antivirus();
        if (av.enabled()) {
            List<ClamdClient> engines = av.engines().stream().map(e -> new ClamdClient(e, av.clamd())).toList();
            filters.add(new AntivirusFilter(engines, av, new MimeWalker(config.contentLimits().maxDepth())));
        }
        filters.add(new GtubeFilter());
        return List.copyOf(filters);
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

    /** Graceful stop: in-flight messages finish within the configured grace period. */
    @Override
    public void close() {
        LOG.info("shutting down: finishing messages in flight (up to {})", config.shutdownGrace());
        boolean clean = server.shutdown(config.shutdownGrace());
        LOG.info("stopped{}", clean ? "" : " (some connections were cut)");
    }
}
