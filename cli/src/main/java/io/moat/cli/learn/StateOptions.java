// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.learn;

import io.moat.rules.bayes.FileTokenStore;
import io.moat.rules.bayes.MemoryTokenStore;
import io.moat.rules.bayes.TokenStore;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where the statistical filter's state lives (a file for now; the shared store later). */
public final class StateOptions {
    @Option(names = "--state", paramLabel = "FILE", description = "The statistical filter's state file.")
    @Nullable Path state;

    public @Nullable Path path() {
        return state;
    }

    /** The state file's store, or an empty in-memory store when no file was given. */
    public TokenStore openOrEmpty() throws IOException {
        return state == null ? new MemoryTokenStore() : FileTokenStore.open(state);
    }
}
