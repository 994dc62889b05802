// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameWriter;
import java.util.List;

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
        return FrameWriter.toBytes(List.of(frame));
    }
}
