// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Lays out frames on the wire; several frames go into one buffer so they leave in one write. */
public final class FrameWriter {
    private FrameWriter() {
    }

    /** Appends one frame (length header, code, payload) to {@code out}. */
    public static void append(ByteArrayOutputStream out, Frame frame) {
        int length = frame.payload().length + 1;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(frame.code());
        out.writeBytes(frame.payload());
    }

    /** The wire bytes of all frames, back to back. */
    public static byte[] toBytes(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (Frame f : frames) {
            append(out, f);
        }
        return out.toByteArray();
    }
}
