// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.policy;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Store;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code moat policy list}: the scopes that have settings. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the domains and mailboxes that have policy settings.")
public final class PolicyListCommand extends StoreSubcommand {
    @Override
    protected int run(Store store, Printer out) {
        List<String> scopes = store.policies().scopes();
        if (out.json()) {
            out.json(scopes);
        } else if (scopes.isEmpty()) {
            out.line("No policy settings.");
        } else {
            scopes.forEach(out::line);
        }
        return ExitCodes.OK;
    }
}
