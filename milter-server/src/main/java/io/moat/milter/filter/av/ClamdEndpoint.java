// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Where one clamd listens: {@code tcp:HOST:PORT} or {@code unix:/PATH}. */
public sealed interface ClamdEndpoint {
    record Tcp(String host, int port) implements ClamdEndpoint {
        public Tcp {
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("clamd tcp endpoint needs a host and a port 1-65535");
            }
        }
    }

    record Unix(Path path) implements ClamdEndpoint {
    }

    static ClamdEndpoint parse(String spec) {
        if (spec.startsWith("unix:") && spec.length() > 5) {
            return new Unix(Path.of(spec.substring(5)));
        }
        if (spec.startsWith("tcp:")) {
            String rest = spec.substring(4);
            int colon = rest.lastIndexOf(':');
            if (colon > 0) {
                try {
                    String host = rest.substring(0, colon).replace("[", "").replace("]", "");
                    return new Tcp(host, Integer.parseInt(rest.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
        }
        throw new IllegalArgumentException("expected tcp:HOST:PORT or unix:/path, got \"" + spec + "\"");
    }

    default SocketAddress address() {
        return switch (this) {
            case Tcp t -> new InetSocketAddress(t.host(), t.port());
            case Unix u -> UnixDomainSocketAddress.of(u.path());
        };
    }

    default StandardProtocolFamily family() {
        return switch (this) {
            case Tcp t -> ((InetSocketAddress) address()).getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
            case Unix u -> StandardProtocolFamily.UNIX;
        };
    }

    /** The form used in config and logs. */
    default String spec() {
        return switch (this) {
            case Tcp t -> "tcp:" + t.host() + ":" + t.port();
            case Unix u -> "unix:" + u.path();
        };
    }
}
