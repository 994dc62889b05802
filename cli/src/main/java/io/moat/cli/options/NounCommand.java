// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A noun ({@code moat quarantine}) run without a verb: a usage error that lists the verbs. */
public abstract class NounCommand implements Runnable {
    @Spec
    protected CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a subcommand: "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }
}
