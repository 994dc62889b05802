// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * A TCP socket's input that acknowledges what it read at once (Linux TCP_QUICKACK) when no reply
 * carries the acknowledgement. Postfix's milter socket runs with Nagle on: when Moat does not
 * answer a step, Postfix's next small packet waits until the last one is acknowledged, and Linux
 * delays a bare ACK by 40 ms. A reply written in between acknowledges the data by itself, so the
 * option (which the kernel forgets after use) is set only before a read that follows input left
 * unanswered: one system call and one bare ACK packet per unanswered read instead of per read.
 */
final class QuickAckInput extends FilterInputStream {
    private final Socket socket;
    /** Data was read and nothing has been written since: the peer still waits for our ACK. */
    private volatile boolean unacknowledged;

    QuickAckInput(Socket socket) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
    }

    static boolean supported(Socket s) {
        return s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    }

    /** The socket's output: every write carries the ACK for what was read, so none is owed after it. */
    OutputStream output() throws IOException {
        return new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                unacknowledged = false;
                out.write(b, off, len);
            }
        };
    }

    @Override
    public int read() throws IOException {
        acknowledgeOwed();
        int b = super.read();
        unacknowledged = b >= 0;
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        acknowledgeOwed();
        int n = super.read(buf, off, len);
        unacknowledged = n > 0;
        return n;
    }

    /** Sends the ACK still owed for the last read now, before blocking for more. */
    private void acknowledgeOwed() throws IOException {
        if (unacknowledged && !socket.isClosed()) {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            unacknowledged = false;
        }
    }
}
