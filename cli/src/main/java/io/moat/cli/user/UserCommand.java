// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.user;

import io.moat.cli.options.NounCommand;
import picocli.CommandLine.Command;

/** {@code moat user}. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage admin and mailbox users.",
        subcommands = {UserListCommand.class, UserShowCommand.class, UserAddCommand.class, UserRemoveCommand.class,
            UserResetPasswordCommand.class})
public final class UserCommand extends NounCommand {
}
