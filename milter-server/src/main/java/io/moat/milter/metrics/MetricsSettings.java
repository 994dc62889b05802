// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import java.net.InetSocketAddress;

/**
 * Whether the metrics endpoint runs and where it listens ({@code metrics.enabled},
 * {@code metrics.listen}). A default address that cannot be bound is a warning, an address the
 * admin chose is a startup error: mail flow matters more than its numbers.
 *
 * @param host a host name or IP literal (IPv6 without brackets)
 * @param port 0 to 65535; 0 asks for any free port (tests)
 */
public record MetricsSettings(boolean enabled, String host, int port, boolean listenIsDefault) {
    public static final String DEFAULT_LISTEN = "127.0.0.1:9357";
    public static final MetricsSettings DEFAULT = new MetricsSettings(true, "127.0.0.1", 9357, true);

    public MetricsSettings {
        if (host.isBlank()) {
            throw new IllegalArgumentException("metrics.listen: the host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics.listen: port " + port + " is out of range");
        }
    }

    /** Reads {@code HOST:PORT} or {@code [IPV6]:PORT}; the message says what is wrong. */
    public static MetricsSettings parse(boolean enabled, String listen, boolean isDefault) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0 || colon == listen.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT such as " + DEFAULT_LISTEN + ", got \"" + listen + "\"");
        }
        String host = listen.substring(0, colon);
        String port = listen.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 address needs brackets, such as [::1]:9357, got \"" + listen + "\"");
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("expected a port from 0 to 65535, got \"" + port + "\"");
        }
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '[' || c == ']')) {
            throw new IllegalArgumentException("not a host name or address: \"" + host + "\"");
        }
        return new MetricsSettings(enabled, host, Integer.parseInt(port), isDefault);
    }

    /** The socket address to bind (the host is resolved now). */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** As written in the config file. */
    public String listen() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
