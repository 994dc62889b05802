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

/** {@code moat domain add NAME}. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a protected domain.")
public final class DomainAddCommand extends StoreSubcommand {
    @Parameters(paramLabel = "DOMAIN")
    String name = "";

    @Option(names = "--relay", paramLabel = "NEXTHOP", description = "Where its mail goes, e.g. smtp:[10.0.0.5]:25.")
    @Nullable String relay;

    @Option(names = "--pass-through", description = "Turn content filtering off for this domain.")
    boolean passThrough;

    @Option(names = "--retention-days", paramLabel = "N", description = "Keep its quarantined mail N days instead of the default.")
    @Nullable Integer retentionDays;

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        Domain d = new Domain(name, relay, passThrough, retentionDays);
        if (store.domains().find(d.name()).isPresent()) {
            throw new CliException("domain '" + d.name() + "' exists already; change it with 'moat domain set'");
        }
        store.domains().put(d, actor.actor());
        if (out.json()) {
            out.json(Views.domain(d));
        } else {
            out.line("Added domain " + d.name() + ".");
        }
        return ExitCodes.OK;
    }
}
