// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.quarantine;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat quarantine}. */
@Command(name = "quarantine", mixinStandardHelpOptions = true, description = "List, show, release, delete and purge quarantined mail.",
        subcommands = {QuarantineListCommand.class, QuarantineShowCommand.class, QuarantineReleaseCommand.class,
            QuarantineDeleteCommand.class, QuarantinePurgeCommand.class})
public final class QuarantineCommand extends NounCommand {
}
