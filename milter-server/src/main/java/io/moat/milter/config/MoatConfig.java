// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import io.moat.milter.filter.av.AntivirusSettings;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.filter.content.ContentLimits;
import io.moat.milter.filter.envelope.EnvelopePolicy;
import io.moat.milter.filter.rbl.RblSettings;
import io.moat.milter.filter.spam.RulesSettings;
import io.moat.milter.metrics.MetricsSettings;
import io.moat.milter.transport.ListenAddress;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.session.NoReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's configuration, validated: every instance is usable as it is. Keys, types and
 * defaults are documented in docs/configuration.md.
 */
public record MoatConfig(
        List<ListenAddress> listen,
        boolean listenIsDefault,
        String hostname,
        int maxConnections,
        Duration idleTimeout,
        String unixSocketMode,
        int maxFrameSize,
        Duration progressInterval,
        long maxMessageSize,
        int memoryBuffer,
        Path spoolDirectory,
        Duration shutdownGrace,
        String traceHeader,
        double spamThreshold,
        OptionalDouble quarantineThreshold,
        OptionalDouble rejectThreshold,
        String subjectTag,
        Map<Classification, Action> actions,
        StoreSettings store,
        RulesSettings rules,
        @Nullable Path pidFile,
        RblSettings rbl,
        EnvelopePolicy envelope,
        boolean headerChecks,
        ContentLimits contentLimits,
        BannedTypes bannedTypes,
        AntivirusSettings antivirus,
        boolean contentWalk,
        NoReply noReply,
        MetricsSettings metrics) {

    public static final int DEFAULT_PORT = 7357;
    public static final List<ListenAddress> DEFAULT_LISTEN = List.of(
            new ListenAddress.Inet("127.0.0.1", DEFAULT_PORT),
            new ListenAddress.Unix(Path.of("/run/moat/milter.sock")));

    public MoatConfig {
        listen = List.copyOf(listen);
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("listen: at least one address is needed");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("connections.max must be at least 1");
        }
        if (maxFrameSize < 65536 + 1) {
            throw new IllegalArgumentException("protocol.max-frame-size must be above 64KiB: Postfix sends 64KiB body chunks");
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("protocol.progress-interval must be positive");
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("limits.max-message-size must be positive");
        }
        if (subjectTag.contains("\n") || subjectTag.contains("\r")) {
            throw new IllegalArgumentException("verdict.subject-tag must be one line");
        }
        EnumMap<Classification, Action> all = new EnumMap<>(Classification.class);
        all.putAll(actions);
        actions = Map.copyOf(all);
    }

    /** The same configuration listening on {@code addresses} (as given on the command line). */
    public MoatConfig withListen(List<ListenAddress> addresses) {
        return new MoatConfig(addresses, false, hostname, maxConnections, idleTimeout, unixSocketMode, maxFrameSize,
                progressInterval, maxMessageSize, memoryBuffer, spoolDirectory, shutdownGrace, traceHeader,
                spamThreshold, quarantineThreshold, rejectThreshold, subjectTag, actions, store, rules, pidFile,
                rbl, envelope, headerChecks, contentLimits, bannedTypes, antivirus, contentWalk, noReply, metrics);
    }

    /**
     * The policy every recipient gets unless its domain's settings (here or in the store) say
     * otherwise: the global banned list (applied by the content walk) and antivirus fail-open.
     */
    public RecipientPolicy defaultPolicy() {
        return new RecipientPolicy(spamThreshold, quarantineThreshold, rejectThreshold, new ActionPolicy(actions), subjectTag)
                .withAntivirusFailOpen(antivirus.failOpen());
    }
}
