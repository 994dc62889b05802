// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.audit;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Converters;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.AuditEntry;
import io.moat.store.AuditQuery;
import io.moat.store.Store;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moat audit list}: newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List administrative changes, newest first.")
public final class AuditListCommand extends StoreSubcommand {
    @Option(names = "--actor", paramLabel = "NAME", description = "Only changes by this user.")
    @Nullable String actor;

    @Option(names = "--action", paramLabel = "PREFIX", description = "Only these actions, e.g. domain or quarantine.release.")
    @Nullable String action;

    @Option(names = "--target", paramLabel = "TARGET", description = "Only changes to this target (domain, address, id...).")
    @Nullable String target;

    @Option(names = "--since", paramLabel = "TIME", converter = Converters.TimeConverter.class,
            description = "At or after: 2026-03-01T10:00:00Z, 2026-03-01, or an age like 2h, 7d.")
    @Nullable Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = Converters.TimeConverter.class, description = "Before.")
    @Nullable Instant until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run(Store store, Printer out) {
        List<AuditEntry> entries = store.audit().list(new AuditQuery(actor, action, target, since, until, limit));
        if (out.json()) {
            out.json(entries.stream().map(Views::audit).toList());
        } else if (entries.isEmpty()) {
            out.line("No audit entries.");
        } else {
            out.table(List.of("TIME", "ACTOR", "HOST", "ACTION", "TARGET", "OLD", "NEW"), entries.stream()
                    .map(a -> Views.row(Views.time(a.at()), a.actor(), a.host(), a.action(), a.target(), a.oldValue(), a.newValue()))
                    .toList());
        }
        return ExitCodes.OK;
    }
}
