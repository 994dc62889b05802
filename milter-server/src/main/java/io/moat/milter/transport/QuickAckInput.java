// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * A TCP socket's input that sends the ACK for what it just read at once (Linux TCP_QUICKACK,
 * which the kernel forgets, so it is set again after every read). Postfix's milter socket runs with
 * Nagle on: when Moat does not answer a step, Postfix's next small packet waits until the last one
 * is acknowledged, and Linux delays a bare ACK by 40 ms. Acknowledging at once removes that stall.
 */
final class QuickAckInput extends FilterInputStream {
    private final Socket socket;

    QuickAckInput(Socket socket) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
    }

    static boolean supported(Socket s) {
        return s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        acknowledge(b >= 0 ? 1 : -1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        acknowledge(n);
        return n;
    }

    private void acknowledge(int read) throws IOException {
        if (read > 0 && !socket.isClosed()) {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }
}
