// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code moat corpus}: tools over labelled mail. */
@Command(name = "corpus", mixinStandardHelpOptions = true, description = "Measure the content score on labelled mail.",
        subcommands = {EvalCommand.class})
public final class CorpusCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand; see 'moat corpus --help'.");
    }
}
