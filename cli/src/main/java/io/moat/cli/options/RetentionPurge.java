// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.cli.ExitCodes;
import io.moat.store.Retention;
import io.moat.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A purge by age (message log, audit trail): {@code --days} or the configured retention, the
 * purge itself audited, the count printed.
 */
public abstract class RetentionPurge extends StoreSubcommand {
    @Option(names = "--days", paramLabel = "N", description = "Keep this many days instead.")
    @Nullable Integer days;

    @Mixin
    ActorOptions actor;

    /** The configured retention in days for what this command purges. */
    protected abstract int configuredDays(Retention retention);

    /** Deletes what is older than {@code cutoff}; returns how many. */
    protected abstract int purge(Store store, Instant cutoff);

    /** The audit action, e.g. {@code log.purge}. */
    protected abstract String auditAction();

    /** What was deleted, for people: {@code message-log row(s)}. */
    protected abstract String noun();

    @Override
    protected final int run(Store store, Printer out) {
        int d = days != null ? days : configuredDays(storeOptions.config().retention());
        if (d < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        int n = purge(store, clock.instant().minus(Duration.ofDays(d)));
        store.audit().record(actor.actor(), auditAction(), d + " days", null, n + " deleted");
        if (out.json()) {
            out.json(Map.of("deleted", n, "days", d));
        } else {
            out.line("Purged " + n + " " + noun() + " older than " + d + " days.");
        }
        return ExitCodes.OK;
    }
}
