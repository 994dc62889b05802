// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

/** Where a milter connection is in the SMTP dialogue. */
public enum SessionState {
    NEW,
    NEGOTIATED,
    CONNECTED,
    HELO,
    MAIL,
    RCPT,
    DATA,
    HEADERS,
    EOH,
    BODY,
    CLOSED;

    /** Whether a message transaction is open in this state. */
    public boolean inMessage() {
        return compareTo(MAIL) >= 0 && compareTo(BODY) <= 0;
    }
}
