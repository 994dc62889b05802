// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.moat.store.Retention;
import io.moat.store.StoreConfig;
import io.moat.store.release.SmtpTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The keys of the config file ({@code /etc/moat/moat.yml}) the CLI reads; the daemon reads the
 * same file. Every key is optional.
 *
 * @param storeUrl {@code store.url}
 * @param storeUser {@code store.user}
 * @param storePassword {@code store.password}
 * @param poolSize {@code store.pool-size}
 * @param releaseSmtp {@code release.smtp}: HOST:PORT where released mail is re-injected
 * @param retention {@code retention.quarantine-days}, {@code retention.log-days}, {@code retention.audit-days}
 */
public record CliConfig(@Nullable String storeUrl, @Nullable String storeUser, @Nullable String storePassword,
        int poolSize, String releaseSmtp, Retention retention) {

    public static final Path DEFAULT_FILE = Path.of("/etc/moat/moat.yml");

    public static CliConfig defaults() {
        return new CliConfig(null, null, null, 10, SmtpTarget.DEFAULT, Retention.DEFAULT);
    }

    /** Reads {@code file}; a missing default file means defaults, a missing named file is an error. */
    public static CliConfig read(@Nullable Path file) {
        Path f = file == null ? DEFAULT_FILE : file;
        if (!Files.exists(f)) {
            if (file == null) {
                return defaults();
            }
            throw new CliException("config file " + f + " not found");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
            return root == null ? defaults() : from(root);
        } catch (IOException e) {
            throw new CliException("cannot read config file " + f + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static CliConfig from(JsonNode root) {
        JsonNode store = root.path("store");
        JsonNode retention = root.path("retention");
        Retention d = Retention.DEFAULT;
        return new CliConfig(text(store, "url"), text(store, "user"), text(store, "password"), store.path("pool-size").asInt(10),
                textOr(root.path("release"), "smtp", SmtpTarget.DEFAULT),
                new Retention(retention.path("quarantine-days").asInt(d.quarantineDays()),
                        retention.path("log-days").asInt(d.logDays()), retention.path("audit-days").asInt(d.auditDays())));
    }

    private static @Nullable String text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String textOr(JsonNode node, String key, String fallback) {
        String v = text(node, key);
        return v == null ? fallback : v;
    }

    /** The store settings, {@code override} (from --store or MOAT_STORE) first. */
    public StoreConfig store(@Nullable String override) {
        String url = override != null && !override.isBlank() ? override : storeUrl != null ? storeUrl : StoreConfig.DEFAULT_URL;
        try {
            return StoreConfig.of(url).withCredentials(storeUser, storePassword).withPoolSize(poolSize);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "CliConfig[storeUrl=" + storeUrl + ", storeUser=" + storeUser + ", releaseSmtp=" + releaseSmtp + "]";
    }
}
