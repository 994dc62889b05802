// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.user;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code moat user reset-password NAME}. */
@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = "Replace a user's password with a random one, shown once, that must be changed at first login.")
public final class UserResetPasswordCommand extends StoreSubcommand {
    @Parameters(paramLabel = "NAME")
    String name = "";

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        String password = store.users().resetPassword(name, actor.actor());
        if (out.json()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", name);
            v.put("password", password);
            v.put("mustChangePassword", true);
            out.json(v);
        } else {
            out.line("New password for " + name + " (shown once; must be changed at first login): " + password);
        }
        return ExitCodes.OK;
    }
}
