// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.store.SchemaMode;
import io.moat.store.StoreConfig;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the store is: {@code --store URL}, else {@code MOAT_STORE}, else {@code store.url} in the
 * config file, else {@value StoreConfig#DEFAULT_URL}.
 */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "URL", defaultValue = "${env:MOAT_STORE}",
            description = "Store URL: jdbc:sqlite:/path/moat.db or jdbc:postgresql://host/db (default: $MOAT_STORE,"
                    + " then store.url in the config file, then " + StoreConfig.DEFAULT_URL + ").")
    @Nullable String url;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: /etc/moat/moat.yml if present).")
    @Nullable Path config;

    private @Nullable CliConfig loaded;

    public CliConfig config() {
        if (loaded == null) {
            loaded = CliConfig.read(config);
        }
        return loaded;
    }

    public StoreConfig store(SchemaMode mode) {
        return config().store(url).withSchema(mode);
    }
}
