// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

/** A user-facing failure: printed as {@code moat: MESSAGE}, exit code 1, no stack trace. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }
}
