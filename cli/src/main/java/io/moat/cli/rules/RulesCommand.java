// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.rules;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code moat rules}: check, measure and re-weight rules. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check, measure and re-weight content rules.",
        subcommands = {LintCommand.class, HitsCommand.class, RescoreCommand.class, TestCommand.class, ReloadCommand.class})
public final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand; see 'moat rules --help'.");
    }
}
