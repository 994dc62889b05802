// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.user;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Store;
import io.moat.store.User;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code moat user list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
public final class UserListCommand extends StoreSubcommand {
    @Override
    protected int run(Store store, Printer out) {
        List<User> users = store.users().list();
        if (out.json()) {
            out.json(users.stream().map(Views::user).toList());
        } else if (users.isEmpty()) {
            out.line("No users.");
        } else {
            out.table(List.of("NAME", "ROLE", "SCOPES", "MUST-CHANGE-PASSWORD"), users.stream()
                    .map(u -> Views.row(u.name(), u.role().label(), u.scopes().isEmpty() ? "all" : String.join(",", u.scopes()),
                            u.mustChangePassword() ? "yes" : "no")).toList());
        }
        return ExitCodes.OK;
    }
}
