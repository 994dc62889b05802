// SPDX-License-Identifier: Apache-2.0
package io.moat.cli;

/**
 * The exit codes of every {@code moat} command: a contract scripts rely on.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Not found, or the work failed (unreachable database, bad input file...). */
    public static final int FAILED = 1;
    /** The command line was wrong (unknown option, missing argument, bad value). */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
