// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.audit;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Store;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code moat audit purge}: retention. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete audit entries older than the retention (default: retention.audit-days, 365).")
public final class AuditPurgeCommand extends StoreSubcommand {
    @Option(names = "--days", paramLabel = "N", description = "Keep this many days instead.")
    @Nullable Integer days;

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        int d = days != null ? days : storeOptions.config().retention().auditDays();
        if (d < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        int n = store.audit().purge(clock.instant().minus(Duration.ofDays(d)));
        store.audit().record(actor.actor(), "audit.purge", d + " days", null, n + " deleted");
        if (out.json()) {
            out.json(Map.of("deleted", n, "days", d));
        } else {
            out.line("Purged " + n + " audit entr(ies) older than " + d + " days.");
        }
        return ExitCodes.OK;
    }
}
