// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Mailbox;
import io.moat.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moat mailbox add ADDRESS}. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a mailbox (or rename one) of a protected domain.")
public final class MailboxAddCommand extends StoreSubcommand {
    @Parameters(paramLabel = "ADDRESS")
    String address = "";

    @Option(names = "--name", paramLabel = "NAME", description = "Display name.")
    @Nullable String name;

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        Mailbox m = new Mailbox(address, name);
        store.mailboxes().put(m, actor.actor());
        if (out.json()) {
            out.json(Views.mailbox(m));
        } else {
            out.line("Added mailbox " + m.address() + ".");
        }
        return ExitCodes.OK;
    }
}
