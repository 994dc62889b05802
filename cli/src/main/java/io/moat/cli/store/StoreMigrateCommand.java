// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.store;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.SchemaMode;
import io.moat.store.Store;
import io.moat.store.StoreStatus;
import picocli.CommandLine.Command;

/** {@code moat store migrate}: creates or upgrades the schema (opening in MIGRATE mode does the work). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create the store, or bring its schema up to date. Safe to run again.")
public final class StoreMigrateCommand extends StoreSubcommand {
    @Override
    protected SchemaMode schema() {
        return SchemaMode.MIGRATE;
    }

    @Override
    protected int run(Store store, Printer out) {
        StoreStatus s = store.check();
        if (out.json()) {
            out.json(StoreStatusText.json(s));
        } else {
            out.line(StoreStatusText.line(s));
        }
        return s.upToDate() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
