// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.store;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.SchemaMode;
import io.moat.store.Store;
import io.moat.store.StoreStatus;
import picocli.CommandLine.Command;

/** {@code moat store check}: exit 0 when reachable and current. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check that the store can be reached and its schema is current (exit 0), else exit 1.")
public final class StoreCheckCommand extends StoreSubcommand {
    @Override
    protected SchemaMode schema() {
        return SchemaMode.AS_IS;
    }

    @Override
    protected int run(Store store, Printer out) {
        StoreStatus s = store.check();
        if (out.json()) {
            out.json(StoreStatusText.json(s));
        } else {
            out.line(StoreStatusText.line(s));
        }
        if (!s.upToDate()) {
            out.error("run 'moat store migrate' to apply the pending migrations");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
