// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Store;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code moat mailbox remove ADDRESS}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a mailbox.")
public final class MailboxRemoveCommand extends StoreSubcommand {
    @Parameters(paramLabel = "ADDRESS")
    String address = "";

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        if (!store.mailboxes().delete(address, actor.actor())) {
            throw new CliException("no mailbox '" + address + "'");
        }
        if (out.json()) {
            out.json(Map.of("removed", address));
        } else {
            out.line("Removed mailbox " + address + ".");
        }
        return ExitCodes.OK;
    }
}
