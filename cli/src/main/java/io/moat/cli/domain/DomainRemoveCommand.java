// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

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

/** {@code moat domain remove NAME}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a domain with its mailboxes and policy.")
public final class DomainRemoveCommand extends StoreSubcommand {
    @Parameters(paramLabel = "DOMAIN")
    String name = "";

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        if (!store.domains().delete(name, actor.actor())) {
            throw new CliException("no domain '" + name + "'");
        }
        if (out.json()) {
            out.json(Map.of("removed", name));
        } else {
            out.line("Removed domain " + name + " with its mailboxes and policy.");
        }
        return ExitCodes.OK;
    }
}
