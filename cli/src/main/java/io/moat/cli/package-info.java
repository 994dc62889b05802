// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code moat} administration command: one Picocli class per subcommand, human output by
 * default and {@code --json} on request, exit codes from {@link io.moat.cli.ExitCodes}.
 */
@org.jspecify.annotations.NullMarked
package io.moat.cli;
