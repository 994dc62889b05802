// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.user;

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

/** {@code moat user remove NAME}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
public final class UserRemoveCommand extends StoreSubcommand {
    @Parameters(paramLabel = "NAME")
    String name = "";

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        if (!store.users().delete(name, actor.actor())) {
            throw new CliException("no user '" + name + "'");
        }
        if (out.json()) {
            out.json(Map.of("removed", name));
        } else {
            out.line("Removed user " + name + ".");
        }
        return ExitCodes.OK;
    }
}
