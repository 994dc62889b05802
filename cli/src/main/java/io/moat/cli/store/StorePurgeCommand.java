// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.store;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Retention;
import io.moat.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code moat store purge}: every retention at once, for a daily timer. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Apply every retention: quarantine (per domain, default 15 days), message log (180 days),",
            "audit trail (365 days); the retention.* keys of the config file change the defaults. Run it daily."})
public final class StorePurgeCommand extends StoreSubcommand {
    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        Retention r = storeOptions.config().retention();
        Instant now = clock.instant();
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("quarantine", store.quarantine().purge(now, r.quarantineDays()));
        deleted.put("log", store.messageLog().purge(now.minus(Duration.ofDays(r.logDays()))));
        deleted.put("audit", store.audit().purge(now.minus(Duration.ofDays(r.auditDays()))));
        store.audit().record(actor.actor(), "store.purge", "retention " + r.quarantineDays() + "/" + r.logDays() + "/"
                + r.auditDays() + " days", null, deleted.toString());
        if (out.json()) {
            out.json(deleted);
        } else {
            out.line("Purged " + deleted.get("quarantine") + " quarantined message(s), " + deleted.get("log")
                    + " message-log row(s), " + deleted.get("audit") + " audit entr(ies).");
        }
        return ExitCodes.OK;
    }
}
