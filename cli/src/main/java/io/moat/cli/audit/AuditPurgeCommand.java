// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.audit;

import io.moat.cli.options.RetentionPurge;
import io.moat.store.Retention;
import io.moat.store.Store;
import java.time.Instant;
import picocli.CommandLine.Command;

/** {@code moat audit purge}: retention. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete audit entries older than the retention (default: retention.audit-days, 365).")
public final class AuditPurgeCommand extends RetentionPurge {
    @Override
    protected int configuredDays(Retention retention) {
        return retention.auditDays();
    }

    @Override
    protected int purge(Store store, Instant cutoff) {
        return store.audit().purge(cutoff);
    }

    @Override
    protected String auditAction() {
        return "audit.purge";
    }

    @Override
    protected String noun() {
        return "audit entr(ies)";
    }
}
