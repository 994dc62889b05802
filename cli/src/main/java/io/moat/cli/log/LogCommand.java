// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.log;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat log}. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Search and purge the message log.",
        subcommands = {LogSearchCommand.class, LogPurgeCommand.class})
public final class LogCommand extends NounCommand {
}
