// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.spam;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which rules the daemon loads and where the statistical filter's state is.
 *
 * @param defaults load Moat's own rule set
 * @param spamAssassin a folder of SpamAssassin rule files to load too, or null
 * @param paths the admin's rule files or folders of {@code *.cf}, loaded last (missing ones skipped)
 * @param bayesState the state file written by {@code moat learn --state}, or null
 */
public record RulesSettings(boolean defaults, @Nullable Path spamAssassin, List<Path> paths, @Nullable Path bayesState) {
    public RulesSettings {
        paths = List.copyOf(paths);
    }
}
