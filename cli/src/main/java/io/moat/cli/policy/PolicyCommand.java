// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.policy;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat policy}. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Per-domain and per-mailbox policy: thresholds, actions per class, allow/block lists, banned types.",
        subcommands = {PolicyListCommand.class, PolicyKeysCommand.class, PolicyShowCommand.class, PolicySetCommand.class,
            PolicyUnsetCommand.class})
public final class PolicyCommand extends NounCommand {
}
