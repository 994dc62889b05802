// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

/**
 * The peer broke the milter protocol (bad frame, bad payload, command out of order). The
 * connection ends; Postfix then applies its {@code milter_default_action}.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
