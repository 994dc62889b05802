// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.cli.MoatCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One {@code moat} run through Picocli with its output captured. */
public record CliRun(int exit, String out, String err) {
    public static CliRun run(String... args) {
        CommandLine cl = MoatCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
