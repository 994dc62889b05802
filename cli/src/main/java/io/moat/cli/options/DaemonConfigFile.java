// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The daemon's own config, as commands that run its pipeline or rules read it. */
public final class DaemonConfigFile {
    private DaemonConfigFile() {
    }

    /** {@code file}, else /etc/moat/moat.yml when it exists, else the embedded defaults. */
    public static MoatConfig load(@Nullable Path file) throws ConfigException {
        ConfigLoader loader = new ConfigLoader("localhost", Path.of(System.getProperty("java.io.tmpdir"), "moat-spool"));
        Path f = file != null ? file : CliConfig.DEFAULT_FILE;
        return file != null || Files.isRegularFile(f) ? loader.load(f) : loader.defaults();
    }
}
