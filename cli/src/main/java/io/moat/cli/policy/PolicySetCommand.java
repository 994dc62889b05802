// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.policy;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.PolicyKey;
import io.moat.store.Store;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code moat policy set SCOPE KEY VALUE}. */
@Command(name = "set", mixinStandardHelpOptions = true, description = "Set one policy key for a domain or mailbox ('moat policy keys' lists them).")
public final class PolicySetCommand extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "SCOPE", description = "A domain or a mailbox address.")
    String scope = "";

    @Parameters(index = "1", paramLabel = "KEY", description = "e.g. threshold.tag, action.virus, senders.allow.")
    String key = "";

    @Parameters(index = "2", paramLabel = "VALUE")
    String value = "";

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        PolicyKey k = PolicyKey.parse(key);
        store.policies().set(scope, k, value, actor.actor());
        String stored = store.policies().of(scope).get(k).orElse("");
        if (out.json()) {
            out.json(Map.of("scope", scope, "key", k.key(), "value", stored));
        } else {
            out.line("Set " + k.key() + " = " + stored + " for " + scope + ".");
        }
        return ExitCodes.OK;
    }
}
