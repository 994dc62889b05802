// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import java.time.Duration;
import java.util.Objects;

/**
 * Where released mail is re-injected.
 *
 * @param host a host name or address ({@code ::1} without brackets)
 * @param port the SMTP port
 * @param timeout the connect and read timeout
 */
public record SmtpTarget(String host, int port, Duration timeout) {
    /** Postfix's reinjection listener in {@code postfix-conf/} (no milter on it). */
    public static final String DEFAULT = "127.0.0.1:10026";

    public SmtpTarget {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code host:port} or {@code [v6-address]:port}. */
    public static SmtpTarget parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon < 1 || colon == t.length() - 1) {
            throw new IllegalArgumentException("SMTP target must be HOST:PORT, got '" + text + "'");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new SmtpTarget(host, Integer.parseInt(t.substring(colon + 1)), Duration.ofSeconds(30));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SMTP target port is not a number: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
