// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.moat.milter.filter.spam.RulesSettings;
import io.moat.milter.metrics.MetricsSettings;
import io.moat.milter.transport.ListenAddress;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.session.NoReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads {@code moat.yml} into a {@link MoatConfig}. Every key is optional; a missing file section
 * keeps the embedded default. Unknown keys and bad values are refused with the key path.
 */
public final class ConfigLoader {
    private final String defaultHostname;
    private final Path defaultSpool;

    public ConfigLoader(String defaultHostname, Path defaultSpool) {
        this.defaultHostname = defaultHostname;
        this.defaultSpool = defaultSpool;
    }

    /** The embedded defaults: what runs when no config file is given. */
    public MoatConfig defaults() {
        try {
            return read(MissingNode.getInstance(), "(defaults)");
        } catch (ConfigException e) {
            throw new IllegalStateException("embedded defaults are invalid: " + e.getMessage(), e);
        }
    }

    public MoatConfig load(Path file) throws ConfigException {
        String name = file.toString();
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(name + ": no such file");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(name + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        }
        return read(root == null ? MissingNode.getInstance() : root, name);
    }

    private MoatConfig read(JsonNode root, String source) throws ConfigException {
        ConfigNode top = new ConfigNode(root, "", source);
        top.allowOnly("listen", "hostname", "connections", "protocol", "limits", "shutdown", "trace", "verdict",
                "store", "release", "retention", "rules", "bayes", "pid-file", "rbl", "envelope", "headers",
                "content", "antivirus", "metrics");
        StoreSettings store = store(top);
        ConfigNode conn = top.child("connections");
        conn.allowOnly("max", "idle-timeout", "unix-socket-mode");
        ConfigNode proto = top.child("protocol");
        proto.allowOnly("max-frame-size", "progress-interval", "no-reply");
        ConfigNode limits = top.child("limits");
        limits.allowOnly("max-message-size", "memory-buffer", "spool-directory");
        ConfigNode shutdown = top.child("shutdown");
        shutdown.allowOnly("grace");
        ConfigNode trace = top.child("trace");
        trace.allowOnly("header");
        ConfigNode verdict = top.child("verdict");
        verdict.allowOnly("spam-threshold", "quarantine-threshold", "reject-threshold", "subject-tag", "actions");
        ConfigNode headers = top.child("headers");
        headers.allowOnly("enabled");

        List<ListenAddress> listen = listen(top);
        String mode = conn.string("unix-socket-mode", "rw-rw----");
        if (!mode.matches("[r-][w-][x-][r-][w-][x-][r-][w-][x-]")) {
            throw conn.error("unix-socket-mode", "expected permissions like rw-rw----, got \"" + mode + "\"");
        }
        long frame = proto.size("max-frame-size", 1024 * 1024);
        if (frame < 65537 || frame > 64L * 1024 * 1024) {
            throw proto.error("max-frame-size", "must be between 64KiB+1 and 64MiB");
        }
        long memory = limits.size("memory-buffer", 1024 * 1024);
        if (memory > 256L * 1024 * 1024) {
            throw limits.error("memory-buffer", "must be at most 256MiB");
        }
        String header = trace.string("header", "X-Moat-Status");
        if (!header.matches("[!-9;-~]+")) {
            throw trace.error("header", "not a valid header name: \"" + header + "\"");
        }
        try {
            return new MoatConfig(listen, !top.has("listen"), top.string("hostname", defaultHostname),
                    conn.integer("max", 512, 1, 100_000), conn.duration("idle-timeout", Duration.ofMinutes(10)), mode,
                    (int) frame, positive(proto, "progress-interval", Duration.ofSeconds(10)),
                    positiveSize(limits, "max-message-size", 10L * 1024 * 1024), (int) memory,
                    Path.of(limits.string("spool-directory", defaultSpool.toString())),
                    shutdown.duration("grace", Duration.ofSeconds(30)), header,
                    verdict.number("spam-threshold", 5.0), optional(verdict, "quarantine-threshold"),
                    optional(verdict, "reject-threshold"), verdict.string("subject-tag", ""), actions(verdict.child("actions")),
                    store, rules(top), top.has("pid-file") ? Path.of(top.string("pid-file", "")) : null,
                    RblSection.read(top.child("rbl")), EnvelopeSection.read(top.child("envelope")), headers.bool("enabled", true),
                    ContentSections.limits(top.child("content")), ContentSections.banned(top.child("content")),
                    ContentSections.antivirus(top.child("antivirus")), top.child("content").bool("enabled", true),
                    proto.choice("no-reply", NoReply.class, "all"), metrics(top.child("metrics")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private static MetricsSettings metrics(ConfigNode metrics) throws ConfigException {
        metrics.allowOnly("enabled", "listen");
        boolean enabled = metrics.bool("enabled", true);
        String listen = metrics.string("listen", MetricsSettings.DEFAULT_LISTEN);
        try {
            return MetricsSettings.parse(enabled, listen, !metrics.has("listen"));
        } catch (IllegalArgumentException e) {
            throw metrics.error("listen", e.getMessage());
        }
    }

    private static RulesSettings rules(ConfigNode top) throws ConfigException {
        ConfigNode rules = top.child("rules");
        rules.allowOnly("enabled", "default", "spamassassin", "paths");
        ConfigNode bayes = top.child("bayes");
        bayes.allowOnly("state");
        Path sa = null;
        if (rules.has("spamassassin")) {
            String v = rules.string("spamassassin", "");
            sa = v.equals("true") ? Path.of("/usr/share/spamassassin") : v.equals("false") ? null : Path.of(v);
        }
        List<Path> paths = new ArrayList<>();
        for (String p : rules.strings("paths", List.of("/etc/moat/rules.d"))) {
            paths.add(Path.of(p));
        }
        String state = bayes.string("state", "/var/lib/moat/bayes.state");
        boolean shared = state.equals("store");
        return new RulesSettings(rules.bool("enabled", true), rules.bool("default", true), sa, paths,
                state.equals("none") || shared ? null : Path.of(state), shared);
    }

    /** The store keys, shared with the {@code moat} CLI, which reads the same file. */
    private static StoreSettings store(ConfigNode top) throws ConfigException {
        ConfigNode store = top.child("store");
        store.allowOnly("url", "user", "password", "pool-size");
        ConfigNode release = top.child("release");
        release.allowOnly("smtp");
        String smtp = release.string("smtp", "127.0.0.1:10026");
        if (!smtp.matches("\\[?[^\\s]+\\]?:\\d{1,5}")) {
            throw release.error("smtp", "expected HOST:PORT, got \"" + smtp + "\"");
        }
        ConfigNode retention = top.child("retention");
        retention.allowOnly("quarantine-days", "log-days", "audit-days");
        retention.integer("audit-days", 365, 1, 36500);
        String url = store.string("url", StoreSettings.DEFAULT_URL);
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw store.error("url", "expected jdbc:sqlite:/path/moat.db or jdbc:postgresql://host/db");
        }
        String user = store.has("user") ? store.string("user", "") : null;
        String password = store.has("password") ? store.string("password", "") : null;
        return new StoreSettings(url, user, password, store.integer("pool-size", 10, 1, 500),
                retention.integer("quarantine-days", 15, 1, 36500), retention.integer("log-days", 180, 1, 36500));
    }

    private static List<ListenAddress> listen(ConfigNode top) throws ConfigException {
        List<String> specs = top.strings("listen", List.of());
        if (!top.has("listen")) {
            return MoatConfig.DEFAULT_LISTEN;
        }
        List<ListenAddress> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            try {
                out.add(ListenAddress.parse(specs.get(i)));
            } catch (IllegalArgumentException e) {
                throw top.error("listen[" + i + "]", e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw top.error("listen", "needs at least one address");
        }
        return out;
    }

    private static Duration positive(ConfigNode n, String key, Duration dflt) throws ConfigException {
        Duration d = n.duration(key, dflt);
        if (d.isZero()) {
            throw n.error(key, "must be more than 0");
        }
        return d;
    }

    private static long positiveSize(ConfigNode n, String key, long dflt) throws ConfigException {
        long v = n.size(key, dflt);
        if (v < 1) {
            throw n.error(key, "must be more than 0");
        }
        return v;
    }

    private static OptionalDouble optional(ConfigNode n, String key) throws ConfigException {
        return n.has(key) ? OptionalDouble.of(n.number(key, 0)) : OptionalDouble.empty();
    }

    private static Map<Classification, Action> actions(ConfigNode n) throws ConfigException {
        Map<Classification, Action> out = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            out.put(c, ActionPolicy.defaultFor(c));
        }
        List<String> labels = new ArrayList<>();
        for (Classification c : Classification.values()) {
            labels.add(c.label());
        }
        n.allowOnly(labels.toArray(String[]::new));
        for (Classification c : Classification.values()) {
            if (n.has(c.label())) {
                String a = n.string(c.label(), "");
                try {
                    out.put(c, Action.fromLabel(a));
                } catch (IllegalArgumentException e) {
                    throw n.error(c.label(), "unknown action \"" + a + "\" (deliver, tag, quarantine, reject, tempfail, drop)");
                }
            }
        }
        return out;
    }
}
