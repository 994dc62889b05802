// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Domain;
import io.moat.store.Store;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code moat domain show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a domain, how many mailboxes it has, its antivirus fail-open and banned types.")
public final class DomainShowCommand extends StoreSubcommand {
    @Parameters(paramLabel = "DOMAIN")
    String name = "";

    @Override
    protected int run(Store store, Printer out) {
        Domain d = store.domains().find(name).orElseThrow(() -> new CliException("no domain '" + name + "'"));
        long mailboxes = store.mailboxes().count(d.name());
        if (out.json()) {
            Map<String, Object> v = Views.domain(d);
            v.put("mailboxes", mailboxes);
            DomainContentPolicy.json(v, store.policies().of(d.name()));
            out.json(v);
        } else {
            out.line("Domain:         " + d.name());
            out.line("Relay:          " + Views.orDash(d.relay()));
            out.line("Pass-through:   " + (d.passThrough() ? "yes" : "no"));
            out.line("Retention days: " + (d.quarantineRetentionDays() == null ? "default" : d.quarantineRetentionDays()));
            out.line("Mailboxes:      " + mailboxes);
            DomainContentPolicy.text(out, store.policies().of(d.name()));
        }
        return ExitCodes.OK;
    }
}
