// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.user;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Store;
import io.moat.store.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code moat user show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a user.")
public final class UserShowCommand extends StoreSubcommand {
    @Parameters(paramLabel = "NAME")
    String name = "";

    @Override
    protected int run(Store store, Printer out) {
        User u = store.users().find(name).orElseThrow(() -> new CliException("no user '" + name + "'"));
        if (out.json()) {
            out.json(Views.user(u));
        } else {
            out.line("Name:                 " + u.name());
            out.line("Role:                 " + u.role().label());
            out.line("Scopes:               " + (u.scopes().isEmpty() ? "all domains" : String.join(", ", u.scopes())));
            out.line("Must change password: " + (u.mustChangePassword() ? "yes" : "no"));
            out.line("Created:              " + Views.time(u.createdAt()));
        }
        return ExitCodes.OK;
    }
}
