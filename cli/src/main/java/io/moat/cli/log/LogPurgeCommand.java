// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.log;

import io.moat.cli.options.RetentionPurge;
import io.moat.store.Retention;
import io.moat.store.Store;
import java.time.Instant;
import picocli.CommandLine.Command;

/** {@code moat log purge}: retention. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete message-log rows older than the retention (default: retention.log-days, 180).")
public final class LogPurgeCommand extends RetentionPurge {
    @Override
    protected int configuredDays(Retention retention) {
        return retention.logDays();
    }

    @Override
    protected int purge(Store store, Instant cutoff) {
        return store.messageLog().purge(cutoff);
    }

    @Override
    protected String auditAction() {
        return "log.purge";
    }

    @Override
    protected String noun() {
        return "message-log row(s)";
    }
}
