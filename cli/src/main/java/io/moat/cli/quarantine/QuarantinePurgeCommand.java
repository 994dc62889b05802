// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.quarantine;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Store;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code moat quarantine purge}: retention. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete quarantined mail older than its domain's retention (default: retention.quarantine-days, 15).")
public final class QuarantinePurgeCommand extends StoreSubcommand {
    @Option(names = "--days", paramLabel = "N", description = "Default retention in days for domains without their own.")
    @Nullable Integer days;

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        int d = days != null ? days : storeOptions.config().retention().quarantineDays();
        if (d < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        int n = store.quarantine().purge(clock.instant(), d);
        store.audit().record(actor.actor(), "quarantine.purge", "default " + d + " days", null, n + " deleted");
        if (out.json()) {
            out.json(Map.of("deleted", n, "defaultDays", d));
        } else {
            out.line("Purged " + n + " quarantined message(s) past retention (default " + d + " days).");
        }
        return ExitCodes.OK;
    }
}
