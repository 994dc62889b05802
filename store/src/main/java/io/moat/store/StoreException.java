// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

/**
 * The store could not do what was asked: the database is unreachable, full, or refused the
 * statement. The message is meant for an operator and never contains a password. The daemon
 * answers tempfail when it catches one during a quarantine write.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
