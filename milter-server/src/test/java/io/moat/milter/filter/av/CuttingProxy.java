// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of a real clamd that can break the connections it already carries, the way
 * a firewall or a restarted peer does without our side seeing a close: {@link #dropOnNextCommand()}
 * closes an existing connection when the client next sends on it, before clamd sees anything;
 * {@link #cutAfterFirstReplyByte()} lets the command through and passes one byte of the answer.
 */
final class CuttingProxy implements AutoCloseable {
    private enum Mode { RELAY, DROP, CUT_REPLY }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Mode modeForOld = Mode.RELAY;
    private volatile int generation;

    CuttingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    ClamdEndpoint endpoint() {
        return new ClamdEndpoint.Tcp("127.0.0.1", server.getLocalPort());
    }

    void dropOnNextCommand() {
        modeForOld = Mode.DROP;
        generation++;
    }

    void cutAfterFirstReplyByte() {
        modeForOld = Mode.CUT_REPLY;
        generation++;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                int born = generation;
                Thread.ofVirtual().start(() -> toClamd(client, upstream, born));
                Thread.ofVirtual().start(() -> toClient(upstream, client, born));
            }
        } catch (IOException closed) {
            // proxy closed
        }
    }

    private boolean old(int born) {
        return born < generation;
    }

    private void toClamd(Socket client, Socket upstream, int born) {
        pump(client, upstream, n -> old(born) && modeForOld == Mode.DROP ? 0 : n, born);
    }

    private void toClient(Socket upstream, Socket client, int born) {
        pump(upstream, client, n -> old(born) && modeForOld == Mode.CUT_REPLY ? 1 : n, born);
    }

    /** Copies until EOF; {@code allow} says how much of a read to pass on; passing less closes both. */
    private void pump(Socket from, Socket to, java.util.function.IntUnaryOperator allow, int born) {
        byte[] buf = new byte[8192];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                int pass = allow.applyAsInt(n);
                out.write(buf, 0, pass);
                out.flush();
                if (pass < n) {
                    return;
                }
            }
        } catch (IOException e) {
            // either side went away: close both
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
