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
    /**
     * Per connection, and Postfix opens one connection per SMTP session: a 64 KiB buffer was a
     * third of all the daemon allocated. Reads of a body chunk larger than this bypass the buffer.
     */
    private static final int INPUT_BUFFER = 8192;

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

    /**
     * @param quickAck acknowledge reads left unanswered at once (TCP_QUICKACK): needed when steps go
     *     unanswered, because Postfix writes with Nagle on and would otherwise hold its next packet
     *     until this side's delayed ACK (40 ms on Linux)
     */
    static MilterConnection of(Socket s, int idleTimeoutMillis, boolean quickAck) throws IOException {
        // Postfix writes with Nagle on; answering in one write with NODELAY avoids 40 ms stalls.
        s.setTcpNoDelay(true);
        s.setSoTimeout(idleTimeoutMillis);
        if (quickAck && QuickAckInput.supported(s)) {
            QuickAckInput in = new QuickAckInput(s);
            return new MilterConnection(s, new BufferedInputStream(in, INPUT_BUFFER), in.output(),
                    String.valueOf(s.getRemoteSocketAddress()));
        }
        return new MilterConnection(s, new BufferedInputStream(s.getInputStream(), INPUT_BUFFER),
                s.getOutputStream(), String.valueOf(s.getRemoteSocketAddress()));
    }

    static MilterConnection of(SocketChannel ch) {
        return new MilterConnection(ch, new BufferedInputStream(Channels.newInputStream(ch), INPUT_BUFFER),
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
