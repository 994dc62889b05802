// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Domain;
import io.moat.store.Store;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code moat domain list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the protected domains.")
public final class DomainListCommand extends StoreSubcommand {
    @Override
    protected int run(Store store, Printer out) {
        List<Domain> domains = store.domains().list();
        if (out.json()) {
            out.json(domains.stream().map(Views::domain).toList());
        } else if (domains.isEmpty()) {
            out.line("No domains.");
        } else {
            out.table(List.of("DOMAIN", "RELAY", "PASS-THROUGH", "RETENTION-DAYS"), domains.stream()
                    .map(d -> Views.row(d.name(), d.relay(), d.passThrough() ? "yes" : "no",
                            d.quarantineRetentionDays() == null ? "default" : d.quarantineRetentionDays())).toList());
        }
        return ExitCodes.OK;
    }
}
