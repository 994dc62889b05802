// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import io.moat.milter.filter.av.ScanResult.Cause;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One connection to clamd in {@code IDSESSION} mode: commands run one after the other, each reply
 * prefixed with the command's number. The frame buffer ({@link ClamdStream}) and the reply buffer
 * belong to the connection and are reused by every scan on it. A session is {@link #healthy()}
 * only after a well-formed answer to its last command; after anything else (an error, an
 * unexpected reply, a broken stream) the pool closes it rather than reuse it.
 */
final class ClamdSession implements Closeable {
    private static final byte[] IDSESSION = ascii("zIDSESSION\0");
    private static final byte[] INSTREAM = ascii("zINSTREAM\0");
    private static final byte[] PING = ascii("zPING\0");
    private static final byte[] END = ascii("zEND\0");
    private static final int MAX_REPLY = 4096;

    private final SocketChannel ch;
    private final ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY);
    private @Nullable ClamdStream stream;
    private int commands;
    private boolean healthy;
    private boolean answered;
    private boolean pinged;
    private Instant idleSince;

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

    /** What a retry of the last command must send first; empty when it cannot be replayed. */
    Optional<ClamdStream.Head> head() {
        return pinged ? Optional.of(ClamdStream.Head.NOTHING) : stream().head();
    }

    Instant idleSince() {
        return idleSince;
    }

    void idleSince(Instant now) {
        idleSince = now;
    }

    /** Streams {@code content} as one {@code INSTREAM}, after {@code replay} when a retry carries one. */
    ScanResult instream(InputStream content, long max, ClamdStream.@Nullable Head replay) throws IOException {
        begin(INSTREAM, false);
        boolean more;
        try {
            more = stream().send(ch, content, max, replay);
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
        ClamdStream.write(ch, begin(PING, true).flip());
        String raw = readReply();
        healthy = raw.equals(commands + ": PONG\0");
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

    private ClamdStream stream() {
        if (stream == null) {
            stream = new ClamdStream(IDSESSION.length + INSTREAM.length);
        }
        return stream;
    }

    private ByteBuffer begin(byte[] command, boolean ping) throws IOException {
        if (!ch.isOpen()) {
            throw new IOException("connection to clamd already closed");
        }
        healthy = false;
        answered = false;
        pinged = ping;
        ByteBuffer f = stream().start();
        if (commands++ == 0) {
            f.put(IDSESSION);
        }
        return f.put(command);
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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
