// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The body of one {@code INSTREAM}: the content in chunks of at most {@link #CHUNK} bytes, each
 * prefixed with its length (4 bytes, big-endian), then a zero length, written through the
 * connection's own frame buffer. While only the first chunk was taken from the content it is still
 * in that buffer, and {@link #head()} can hand it to a retry on another connection.
 */
final class ClamdStream {
    static final int CHUNK = 64 * 1024;

    private final ByteBuffer frame;
    private int headAt;
    private int headLength;
    private boolean headLast;
    private boolean replayable;

    /** What a retry sends first: the content this stream took, when that was one chunk at most. */
    record Head(byte[] bytes, boolean last) {
        static final Head NOTHING = new Head(new byte[0], true);
    }

    ClamdStream(int commandRoom) {
        this.frame = ByteBuffer.allocate(commandRoom + 4 + CHUNK + 4);
    }

    /** The frame buffer, cleared, for the command bytes that go in front of the first chunk. */
    ByteBuffer start() {
        replayable = false;
        return frame.clear();
    }

    /**
     * Sends the content after the command already in the buffer: {@code replay} first when a retry
     * carries one, then the rest of {@code content}, never more than {@code max} bytes in all.
     *
     * @return true when the content goes on past {@code max} (only a prefix was sent)
     */
    boolean send(WritableByteChannel ch, InputStream content, long max, @Nullable Head replay) throws IOException {
        long sent = 0;
        boolean first = true;
        while (true) {
            replayable = false;
            int at = frame.position() + 4;
            int want = (int) Math.min(CHUNK, max - sent);
            int n = first && replay != null ? copy(replay, at) : (want == 0 ? 0 : read(content, at, want));
            boolean last = first && replay != null ? replay.last() : n < want || want == 0;
            boolean more = want == 0 && read(content, new byte[1], 0, 1) > 0;
            if (first) {
                remember(at, n, last, !more);
                first = false;
            }
            if (n > 0) {
                frame.putInt(n).position(at + n);
            }
            if (last) {
                frame.putInt(0);
            }
            write(ch, frame.flip());
            sent += n;
            if (last) {
                return more;
            }
            frame.clear();
        }
    }

    Optional<Head> head() {
        return replayable ? Optional.of(new Head(Arrays.copyOfRange(frame.array(), headAt, headAt + headLength), headLast))
                : Optional.empty();
    }

    private void remember(int at, int length, boolean last, boolean canReplay) {
        headAt = at;
        headLength = length;
        headLast = last;
        replayable = canReplay;
    }

    private int copy(Head replay, int at) {
        System.arraycopy(replay.bytes(), 0, frame.array(), at, replay.bytes().length);
        return replay.bytes().length;
    }

    private int read(InputStream in, int at, int want) {
        return read(in, frame.array(), at, want);
    }

    private static int read(InputStream in, byte[] buf, int off, int want) {
        try {
            return in.readNBytes(buf, off, want);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(WritableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
