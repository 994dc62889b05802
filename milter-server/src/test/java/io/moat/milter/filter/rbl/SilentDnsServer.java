// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A "DNS server" on a loopback UDP port that reads every query and never answers: a dead resolver. */
final class SilentDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger received = new AtomicInteger();

    SilentDnsServer() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("silent-dns").start(this::swallow);
    }

    private void swallow() {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            try {
                socket.receive(new DatagramPacket(buf, buf.length));
                received.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    int queriesReceived() {
        return received.get();
    }

    @Override
    public void close() {
        socket.close();
    }
}
