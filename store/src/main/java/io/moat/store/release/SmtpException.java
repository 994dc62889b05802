// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import java.io.IOException;

/** The SMTP server refused a command, or the conversation broke off. */
public final class SmtpException extends IOException {
    private static final long serialVersionUID = 1L;

    public SmtpException(String message) {
        super(message);
    }

    public SmtpException(String message, Throwable cause) {
        super(message, cause);
    }
}
