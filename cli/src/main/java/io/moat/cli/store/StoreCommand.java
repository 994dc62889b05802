// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.store;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat store}. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Create, upgrade, check and purge the store.",
        subcommands = {StoreMigrateCommand.class, StoreCheckCommand.class, StorePurgeCommand.class})
public final class StoreCommand extends NounCommand {
}
