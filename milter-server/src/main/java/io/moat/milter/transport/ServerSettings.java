// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import java.time.Duration;

/** Transport limits: connections, frame size, timeouts, socket mode. */
public record ServerSettings(
        int maxConnections,
        int backlog,
        int maxFrameSize,
        Duration progressInterval,
        Duration idleTimeout,
        String unixSocketMode) {
}
