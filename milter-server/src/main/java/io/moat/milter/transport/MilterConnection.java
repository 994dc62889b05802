// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** One accepted MTA connection, TCP or unix socket, seen as two blocking streams. */
final class MilterConnection implements Closeable {
    private final Closeable socket;
    private final InputStream in;
    private final OutputStream out;
    private final String peer;

    private MilterConnection(Closeable socket, InputStream in, OutputStream out, String peer) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peer = peer;
    }

    static MilterConnection of(Socket s, int idleTimeoutMillis) throws IOException {
        // Postfix writes with Nagle on; answering in one write with NODELAY avoids 40 ms stalls.
        s.setTcpNoDelay(true);
        s.setSoTimeout(idleTimeoutMillis);
        return new MilterConnection(s, new BufferedInputStream(s.getInputStream(), 1 << 16),
                s.getOutputStream(), String.valueOf(s.getRemoteSocketAddress()));
    }

    static MilterConnection of(SocketChannel ch) {
        return new MilterConnection(ch, new BufferedInputStream(Channels.newInputStream(ch), 1 << 16),
                Channels.newOutputStream(ch), "unix");
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    String peer() {
        return peer;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket the peer already closed; nothing to do.
        }
    }
}
