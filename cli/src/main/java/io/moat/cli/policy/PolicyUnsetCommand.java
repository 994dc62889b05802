// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.policy;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.ActorOptions;
import io.moat.cli.options.CliException;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.PolicyKey;
import io.moat.store.Store;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code moat policy unset SCOPE KEY}. */
@Command(name = "unset", mixinStandardHelpOptions = true, description = "Remove one policy key: the domain's or default value applies again.")
public final class PolicyUnsetCommand extends StoreSubcommand {
    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope = "";

    @Parameters(index = "1", paramLabel = "KEY")
    String key = "";

    @Mixin
    ActorOptions actor;

    @Override
    protected int run(Store store, Printer out) {
        PolicyKey k = PolicyKey.parse(key);
        if (!store.policies().unset(scope, k, actor.actor())) {
            throw new CliException(k.key() + " is not set for " + scope);
        }
        if (out.json()) {
            out.json(Map.of("scope", scope, "key", k.key(), "unset", true));
        } else {
            out.line("Unset " + k.key() + " for " + scope + ".");
        }
        return ExitCodes.OK;
    }
}
