// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Domain;
import io.moat.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moat domain set NAME ...}: changes only what is named. */
@Command(name = "set", mixinStandardHelpOptions = true, description = "Change a domain's settings; what is not named stays.")
public final class DomainSetCommand extends StoreSubcommand {
    @Parameters(paramLabel = "DOMAIN")
    String name = "";

    @Option(names = "--relay", paramLabel = "NEXTHOP", description = "Where its mail goes; an empty value for Postfix's default.")
    @Nullable String relay;

    @Option(names = "--pass-through", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "true: content filtering off; false: on.")
    @Nullable Boolean passThrough;

    @Option(names = "--retention-days", paramLabel = "N", description = "Quarantine retention; 0 for the default.")
    @Nullable Integer retentionDays;

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        Domain old = store.domains().find(name).orElseThrow(() -> new CliException("no domain '" + name + "'"));
        Domain d = new Domain(old.name(),
                relay == null ? old.relay() : relay.isBlank() ? null : relay,
                passThrough == null ? old.passThrough() : passThrough,
                retentionDays == null ? old.quarantineRetentionDays() : retentionDays == 0 ? null : retentionDays);
        store.domains().put(d, actor.actor());
        if (out.json()) {
            out.json(Views.domain(d));
        } else {
            out.line("Updated domain " + d.name() + ".");
        }
        return ExitCodes.OK;
    }
}
