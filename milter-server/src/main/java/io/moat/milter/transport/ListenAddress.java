// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Where the daemon listens, in Postfix's own notation: {@code inet:HOST:PORT} (IPv6 hosts in
 * brackets, {@code inet:[::1]:7357}) or {@code unix:/path/to/socket}.
 */
public sealed interface ListenAddress {
    record Inet(String host, int port) implements ListenAddress {
        public Inet {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
        }

        public InetAddress address() throws UnknownHostException {
            return InetAddress.getByName(host);
        }

        @Override
        public String toString() {
            return "inet:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    record Unix(Path path) implements ListenAddress {
        @Override
        public String toString() {
            return "unix:" + path;
        }
    }

    /** Parses {@code inet:HOST:PORT} or {@code unix:PATH}; the message says what is wrong. */
    static ListenAddress parse(String spec) {
        String s = spec.strip();
        if (s.startsWith("unix:")) {
            String path = s.substring(5);
            if (path.isEmpty() || !path.startsWith("/")) {
                throw new IllegalArgumentException("unix socket path must be absolute: " + spec);
            }
            return new Unix(Path.of(path));
        }
        if (s.startsWith("inet:") || s.startsWith("inet6:")) {
            String rest = s.substring(s.indexOf(':') + 1);
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("expected inet:HOST:PORT, got " + spec);
            }
            String host = rest.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("missing host in " + spec + " (use 127.0.0.1 for loopback)");
            }
            int port;
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in " + spec);
            }
            return new Inet(host, port);
        }
        throw new IllegalArgumentException("expected inet:HOST:PORT or unix:PATH, got " + spec);
    }
}
