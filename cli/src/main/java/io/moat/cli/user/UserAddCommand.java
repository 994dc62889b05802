// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.user;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Converters;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Role;
import io.moat.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moat user add NAME --role ROLE}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a user with a random password, shown once, that must be changed at first login.",
            "An admin manages everything in its --scope domains (all when none); a mailbox user sees its --scope addresses'"
                + " quarantine."})
public final class UserAddCommand extends StoreSubcommand {
    @Parameters(paramLabel = "NAME")
    String name = "";

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = Converters.RoleConverter.class,
            description = "admin or mailbox.")
    Role role = Role.MAILBOX;

    @Option(names = "--scope", paramLabel = "DOMAIN|ADDRESS", split = ",", description = "Domains (admin) or addresses (mailbox).")
    List<String> scopes = new ArrayList<>();

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        String password = store.users().create(name, role, scopes, actor.actor());
        if (out.json()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", name);
            v.put("role", role.label());
            v.put("password", password);
            v.put("mustChangePassword", true);
            out.json(v);
        } else {
            out.line("Added " + role.label() + " user " + name + ".");
            out.line("Initial password (shown once; must be changed at first login): " + password);
        }
        return ExitCodes.OK;
    }
}
