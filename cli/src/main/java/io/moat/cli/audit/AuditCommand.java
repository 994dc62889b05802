// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.audit;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat audit}. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The admin audit trail.",
        subcommands = {AuditListCommand.class, AuditPurgeCommand.class})
public final class AuditCommand extends NounCommand {
}
