// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The loopback ports of one test setup: Postfix's smtpd, its reinjection listener, the daemon, the sink. */
record InstancePorts(int smtpd, int reinject, int milter, int sink) {
    /** Four distinct free ports: all four sockets are held open together while the kernel picks. */
    static InstancePorts free() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket a = new ServerSocket(0, 1, lo); ServerSocket b = new ServerSocket(0, 1, lo);
                ServerSocket c = new ServerSocket(0, 1, lo); ServerSocket d = new ServerSocket(0, 1, lo)) {
            return new InstancePorts(a.getLocalPort(), b.getLocalPort(), c.getLocalPort(), d.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on right now (the kernel picks it; a race with another process is possible but rare). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
