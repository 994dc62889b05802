// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

/** A configuration problem, naming the file and key path, e.g. {@code moat.yml: limits.max-message-size: ...}. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
