// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import io.moat.milter.filter.av.ScanResult.Cause;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One connection to clamd in {@code IDSESSION} mode: commands run one after the other, each reply
 * prefixed with the command's number. The frame buffer and the reply buffer belong to the
 * connection and are reused by every scan on it. A session is {@link #healthy()} only after a
 * well-formed answer to its last command; anything else (an error, an unexpected reply, a broken
 * stream) and the pool closes it rather than reuse it.
 */
final class ClamdSession implements Closeable {
    static final int CHUNK = 64 * 1024;
    private static final byte[] IDSESSION = ascii("zIDSESSION\0");
    private static final byte[] INSTREAM = ascii("zINSTREAM\0");
    private static final byte[] PING = ascii("zPING\0");
    private static final byte[] END = ascii("zEND\0");
    private static final int MAX_REPLY = 4096;

    private final SocketChannel ch;
    private final ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY);
    private @Nullable ByteBuffer frame;
    private int commands;
    private boolean healthy;
    private boolean answered;
    private boolean replayable;
    private int headAt;
    private int headLength;
    private boolean headLast;
    private Instant idleSince;

    /** The first chunk of a stream, kept while it is all we took from the content: enough to replay it. */
    record Head(byte[] bytes, boolean last) {
    }

    ClamdSession(SocketChannel ch, Instant now) {
        this.ch = ch;
        this.idleSince = now;
    }

    SocketChannel channel() {
        return ch;
    }

    int commands() {
        return commands;
    }

    boolean healthy() {
        return healthy;
    }

    /** True once any byte of the last command's reply arrived: clamd answered, never replay then. */
    boolean answered() {
        return answered;
    }

    /**
     * What a retry must send first, copied out of the frame buffer: empty when the failed command
     * took no more from the content than its first chunk, which is still in the buffer.
     */
    Optional<Head> head() {
        return replayable
                ? Optional.of(new Head(Arrays.copyOfRange(frame().array(), headAt, headAt + headLength), headLast))
                : Optional.empty();
    }

    Instant idleSince() {
        return idleSince;
    }

    void idleSince(Instant now) {
        idleSince = now;
    }

    /** Streams {@code content} as one {@code INSTREAM}, after {@code replay} when a retry carries one. */
    ScanResult instream(InputStream content, long max, @Nullable Head replay) throws IOException {
        ByteBuffer f = begin(INSTREAM);
        long sent = 0;
        boolean more = false;
        boolean first = true;
        try {
            while (true) {
                replayable = false;
                int at = f.position();
                int want = (int) Math.min(CHUNK, max - sent);
                int n;
                boolean last;
                if (replay != null && first) {
                    n = replay.bytes().length;
                    System.arraycopy(replay.bytes(), 0, f.array(), at + 4, n);
                    last = replay.last();
                } else {
                    n = want == 0 ? 0 : read(content, f.array(), at + 4, want);
                    last = n < want || want == 0;
                    more = want == 0 && read(content, new byte[1], 0, 1) > 0;
                }
                if (first) {
                    remember(at + 4, n, last, !more);
                    first = false;
                }
                if (n > 0) {
                    f.putInt(n).position(at + 4 + n);
                }
                if (last) {
                    f.putInt(0);
                }
                write(f.flip());
                sent += n;
                if (last) {
                    break;
                }
                f.clear();
            }
        } catch (IOException e) {
            // clamd may hang up early (its StreamMaxLength); its reason is usually still readable.
            String raw = readReply();
            if (raw.isEmpty()) {
                throw e;
            }
            return verdict(raw);
        }
        ScanResult r = verdict(readReply());
        if (more && r instanceof ScanResult.Clean) {
            return new ScanResult.Failed(Cause.TOO_LARGE, "stream longer than " + max + " bytes; only that much was scanned");
        }
        return r;
    }

    /** Sends {@code PING}; clean when clamd answers {@code PONG}. */
    ScanResult ping() throws IOException {
        write(begin(PING).flip());
        remember(0, 0, true, true);
        String raw = readReply();
        String prefix = commands + ": ";
        healthy = raw.equals(prefix + "PONG\0");
        return healthy ? ScanResult.CLEAN : new ScanResult.Failed(Cause.ERROR, "clamd did not answer PING: " + raw.strip());
    }

    /** True when the idle connection is still open and clamd sent nothing unasked. */
    boolean alive() {
        try {
            ch.configureBlocking(false);
            int n = ch.read(reply.clear());
            ch.configureBlocking(true);
            return n == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends the session politely ({@code zEND}) when it is healthy, then closes the connection. */
    @Override
    public void close() {
        try (ch) {
            if (healthy && ch.isOpen()) {
                ch.configureBlocking(false);
                ch.write(ByteBuffer.wrap(END));
            }
        } catch (IOException e) {
            // closing is all that matters
        }
    }

    private ByteBuffer begin(byte[] command) throws IOException {
        if (!ch.isOpen()) {
            throw new IOException("connection to clamd already closed");
        }
        healthy = false;
        answered = false;
        replayable = false;
        ByteBuffer f = frame().clear();
        if (commands++ == 0) {
            f.put(IDSESSION);
        }
        return f.put(command);
    }

    private ByteBuffer frame() {
        if (frame == null) {
            frame = ByteBuffer.allocate(IDSESSION.length + INSTREAM.length + 4 + CHUNK + 4);
        }
        return frame;
    }

    private void remember(int at, int length, boolean last, boolean replayable) {
        this.headAt = at;
        this.headLength = length;
        this.headLast = last;
        this.replayable = replayable;
    }

    private ScanResult verdict(String raw) throws IOException {
        if (raw.isEmpty()) {
            throw new IOException("clamd closed the connection without an answer");
        }
        String prefix = commands + ": ";
        if (!raw.startsWith(prefix) || !raw.endsWith("\0")) {
            return new ScanResult.Failed(Cause.ERROR, "unexpected reply from clamd to command " + commands + ": "
                    + raw.substring(0, Math.min(200, raw.length())).strip());
        }
        ScanResult r = ClamdReply.parse(raw.substring(prefix.length()));
        healthy = r instanceof ScanResult.Clean || r instanceof ScanResult.Infected;
        return r;
    }

    private String readReply() throws IOException {
        ByteBuffer b = reply.clear();
        while (b.hasRemaining()) {
            int n = ch.read(b);
            if (n > 0) {
                answered = true;
            }
            if (n < 0 || (b.position() > 0 && b.get(b.position() - 1) == 0)) {
                break;
            }
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static int read(InputStream in, byte[] buf, int off, int want) {
        try {
            return in.readNBytes(buf, off, want);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
