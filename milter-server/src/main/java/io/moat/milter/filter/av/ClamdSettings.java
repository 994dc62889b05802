// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.time.Duration;

/**
 * How Moat talks to one clamd: time to connect, time for the whole scan, the most bytes it ever
 * streams (keep it at or below clamd's StreamMaxLength) and how many scans may run at once.
 */
public record ClamdSettings(Duration connectTimeout, Duration scanTimeout, long maxStreamSize, int maxConnections) {
    public static final ClamdSettings DEFAULTS =
            new ClamdSettings(Duration.ofSeconds(2), Duration.ofSeconds(30), 25L * 1024 * 1024, 16);

    public ClamdSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || scanTimeout.isNegative() || scanTimeout.isZero()) {
            throw new IllegalArgumentException("antivirus timeouts must be positive");
        }
        if (maxStreamSize < 1 || maxStreamSize > 4L * 1024 * 1024 * 1024 - 1) {
            throw new IllegalArgumentException("antivirus.max-stream-size must be between 1 byte and 4GiB");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("antivirus.max-connections must be at least 1");
        }
    }
}
