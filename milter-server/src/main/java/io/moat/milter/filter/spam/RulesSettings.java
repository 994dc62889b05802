// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.spam;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which rules the daemon loads and where the statistical filter's state is.
 *
 * @param enabled false turns content rules and the statistical filter off (e.g. for a gateway that only
 *     checks viruses and attachments, or to measure the rest of the pipeline)
 * @param defaults load Moat's own rule set
 * @param spamAssassin a folder of SpamAssassin rule files to load too, or null
 * @param paths the admin's rule files or folders of {@code *.cf}, loaded last (missing ones skipped)
 * @param bayesState the state file written by {@code moat learn --state}, or null
 * @param bayesShared the state is in the store ({@code moat learn --shared}): every node shares it
 */
public record RulesSettings(boolean enabled, boolean defaults, @Nullable Path spamAssassin, List<Path> paths,
        @Nullable Path bayesState, boolean bayesShared) {
    public RulesSettings {
        paths = List.copyOf(paths);
    }
}
