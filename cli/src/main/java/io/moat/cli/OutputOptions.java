// SPDX-License-Identifier: Apache-2.0
package io.moat.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} switch, mixed into every command that prints results.
 */
public final class OutputOptions {
    @Option(names = "--json", description = "Print machine-readable JSON instead of a table.")
    boolean json;

    public boolean json() {
        return json;
    }
}
