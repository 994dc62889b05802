// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads length-prefixed milter packets: {@code uint32 len | byte code | payload[len-1]}. A length
 * above the cap is refused before anything is allocated, so a hostile 1 GiB header costs nothing;
 * below the cap, memory is taken as the bytes arrive, not when the header announces them.
 */
public final class FrameReader {
    private final DataInputStream in;
    private final int maxFrameSize;

    public FrameReader(InputStream in, int maxFrameSize) {
        this.in = new DataInputStream(in);
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * The next frame, or null when the peer closed the stream cleanly between frames.
     *
     * @throws ProtocolException on a zero or oversized length or a frame cut short
     */
    public @Nullable Frame read() throws IOException, ProtocolException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        long length;
        try {
            length = ((long) first << 24) | ((long) in.readUnsignedByte() << 16)
                    | ((long) in.readUnsignedByte() << 8) | in.readUnsignedByte();
        } catch (EOFException e) {
            throw new ProtocolException("truncated frame: stream ended inside the length header");
        }
        if (length == 0) {
            throw new ProtocolException("frame of length 0 has no command byte");
        }
        if (length > maxFrameSize) {
            throw new ProtocolException("frame of " + length + " bytes exceeds the limit of " + maxFrameSize);
        }
        int code = in.read();
        // Grows with the bytes that arrive, so an announced frame that never comes costs nothing.
        byte[] payload = code < 0 ? new byte[0] : in.readNBytes((int) length - 1);
        if (code < 0 || payload.length < length - 1) {
            throw new ProtocolException("truncated frame: expected " + length + " bytes");
        }
        return new Frame((byte) code, payload);
    }
}
