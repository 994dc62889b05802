// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;

/** Milter packets as they travel: {@code uint32 length | code | payload}, encoded once and copied as bytes. */
public final class Wire {
    static final byte[] EMPTY = new byte[0];
    public static final byte[] ABORT = of(new Command.Abort());
    public static final byte[] QUIT = of(new Command.Quit());

    private Wire() {
    }

    public static byte[] of(Command command) {
        return of(CommandEncoder.encode(command));
    }

    public static byte[] of(Frame frame) {
        byte[] payload = frame.payload();
        int length = payload.length + 1;
        byte[] wire = new byte[4 + length];
        wire[0] = (byte) (length >>> 24);
        wire[1] = (byte) (length >>> 16);
        wire[2] = (byte) (length >>> 8);
        wire[3] = (byte) length;
        wire[4] = frame.code();
        System.arraycopy(payload, 0, wire, 5, payload.length);
        return wire;
    }
}
