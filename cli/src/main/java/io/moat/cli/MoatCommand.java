// SPDX-License-Identifier: Apache-2.0
package io.moat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the {@code moat} command: {@code moat <noun> <verb>}. Subcommands are listed here
 * explicitly, one class each.
 */
@Command(
        name = "moat",
        mixinStandardHelpOptions = true,
        version = "moat 0.1.0",
        description = "Administer Moat: quarantine, message log, policy, rules, corpus and store.",
        subcommands = {
            CommandLine.HelpCommand.class,
            io.moat.cli.quarantine.QuarantineCommand.class,
            io.moat.cli.log.LogCommand.class,
            io.moat.cli.domain.DomainCommand.class,
            io.moat.cli.mailbox.MailboxCommand.class,
            io.moat.cli.policy.PolicyCommand.class,
            io.moat.cli.user.UserCommand.class,
            io.moat.cli.audit.AuditCommand.class,
            io.moat.cli.store.StoreCommand.class,
            io.moat.cli.corpus.CorpusCommand.class,
            io.moat.cli.learn.LearnCommand.class,
            io.moat.cli.rules.RulesCommand.class,
            io.moat.cli.scan.ScanCommand.class,
            picocli.AutoComplete.GenerateCompletion.class,
            picocli.codegen.docgen.manpage.ManPageGenerator.class,
        })
public final class MoatCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand; see 'moat --help'.");
    }

    /** Builds the command line with Moat's exit codes and error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MoatCommand());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.FAILED);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("moat: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
