// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.cli.options.Views;
import io.moat.store.Domain;
import io.moat.store.PolicyKey;
import io.moat.store.Store;
import java.util.EnumMap;
import java.util.Map;
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

    @Option(names = "--antivirus-fail-open", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "true: when clamd is down or times out, mail for this domain may be delivered unscanned "
                    + "(only when every recipient of the message agrees; otherwise it is tempfailed); "
                    + "false: always tempfail; an empty value for the global antivirus.fail-open.")
    @Nullable String antivirusFailOpen;

    @Option(names = "--banned-types", paramLabel = "LIST",
            description = "File-name extensions and media types banned for this domain, comma-separated "
                    + "(e.g. pdf,docm,application/x-rar); added to the global list unless --banned-replace; "
                    + "an empty value removes them.")
    @Nullable String bannedTypes;

    @Option(names = "--banned-replace", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "true: --banned-types replaces the global banned list for this domain; false: adds to it.")
    @Nullable Boolean bannedReplace;

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        Domain old = store.domains().find(name).orElseThrow(() -> new CliException("no domain '" + name + "'"));
        Map<PolicyKey, String> changes = policyChanges();
        Domain d = new Domain(old.name(),
                relay == null ? old.relay() : relay.isBlank() ? null : relay,
                passThrough == null ? old.passThrough() : passThrough,
                retentionDays == null ? old.quarantineRetentionDays() : retentionDays == 0 ? null : retentionDays);
        if (!d.equals(old)) {
            store.domains().put(d, actor.actor());
        }
        // Each key is its own audited change, like 'moat policy set'.
        changes.forEach((k, v) -> {
            if (v.isEmpty()) {
                store.policies().unset(d.name(), k, actor.actor());
            } else {
                store.policies().set(d.name(), k, v, actor.actor());
            }
        });
        if (out.json()) {
            Map<String, Object> v = Views.domain(d);
            DomainContentPolicy.json(v, store.policies().of(d.name()));
            out.json(v);
        } else {
            out.line("Updated domain " + d.name() + ".");
        }
        return ExitCodes.OK;
    }

    /** The policy keys named on the command line, all checked before anything is written; empty: unset. */
    private Map<PolicyKey, String> policyChanges() {
        Map<PolicyKey, String> out = new EnumMap<>(PolicyKey.class);
        put(out, PolicyKey.ANTIVIRUS_FAIL_OPEN, antivirusFailOpen);
        put(out, PolicyKey.BANNED_TYPES, bannedTypes);
        put(out, PolicyKey.BANNED_REPLACE, bannedReplace == null ? null : bannedReplace.toString());
        return out;
    }

    private static void put(Map<PolicyKey, String> out, PolicyKey key, @Nullable String value) {
        if (value != null) {
            out.put(key, value.isBlank() ? "" : key.normalise(value));
        }
    }
}
