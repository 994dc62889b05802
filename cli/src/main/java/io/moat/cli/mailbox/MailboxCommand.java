// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat mailbox}. */
@Command(name = "mailbox", mixinStandardHelpOptions = true, description = "Manage mailboxes; import them from CSV.",
        subcommands = {MailboxListCommand.class, MailboxAddCommand.class, MailboxRemoveCommand.class, MailboxImportCommand.class})
public final class MailboxCommand extends NounCommand {
}
