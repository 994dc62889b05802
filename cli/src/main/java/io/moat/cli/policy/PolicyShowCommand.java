// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.policy;

import io.moat.cli.ExitCodes;
import io.moat.cli.options.Printer;
import io.moat.cli.options.StoreSubcommand;
import io.moat.store.Policy;
import io.moat.store.PolicyKey;
import io.moat.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moat policy show SCOPE}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the settings of a domain or mailbox.")
public final class PolicyShowCommand extends StoreSubcommand {
    @Parameters(paramLabel = "SCOPE", description = "A domain (example.org) or a mailbox (ann@example.org).")
    String scope = "";

    @Option(names = "--effective", description = "For a mailbox: its settings over its domain's, as the daemon applies them.")
    boolean effective;

    @Override
    protected int run(Store store, Printer out) {
        Policy p = effective && scope.contains("@") ? store.policies().effective(scope) : store.policies().of(scope);
        Map<String, String> values = new LinkedHashMap<>();
        for (PolicyKey k : PolicyKey.values()) {
            p.get(k).ifPresent(v -> values.put(k.key(), v));
        }
        if (out.json()) {
            out.json(values);
        } else if (values.isEmpty()) {
            out.line("No settings for " + scope + ": the daemon's defaults apply.");
        } else {
            out.table(List.of("KEY", "VALUE"), values.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        }
        return ExitCodes.OK;
    }
}
