// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat domain}. */
@Command(name = "domain", mixinStandardHelpOptions = true, description = "Manage the protected domains.",
        subcommands = {DomainListCommand.class, DomainShowCommand.class, DomainAddCommand.class, DomainSetCommand.class,
            DomainRemoveCommand.class})
public final class DomainCommand extends NounCommand {
}
