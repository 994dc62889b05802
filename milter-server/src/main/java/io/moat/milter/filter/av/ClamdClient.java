// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import io.moat.milter.filter.av.ScanResult.Cause;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Our client for one clamd: {@code zINSTREAM} over TCP or a unix socket, the content sent in
 * length-prefixed chunks (4 bytes, big-endian) and ended by a zero length. It never sends more
 * than {@link ClamdSettings#maxStreamSize()}; a longer stream is scanned up to there and reported
 * as {@link Cause#TOO_LARGE} unless that prefix is already infected. One connection per scan
 * (clamd closes it after INSTREAM); a semaphore bounds how many run at once. A watchdog closes a
 * connection that outlives its deadline, which unblocks the read on both socket kinds.
 */
public final class ClamdClient implements Closeable {
    private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PING = "zPING\0".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;

    private final ClamdEndpoint endpoint;
    private final ClamdSettings settings;
    private final Semaphore slots;
    private final Watchdog watchdog;

    public ClamdClient(ClamdEndpoint endpoint, ClamdSettings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.slots = new Semaphore(settings.maxConnections(), true);
        this.watchdog = new Watchdog("clamd-watchdog " + endpoint.spec());
    }

    public ClamdEndpoint endpoint() {
        return endpoint;
    }

    /** True when clamd answers PING with PONG within the timeouts. */
    public boolean ping() throws InterruptedException {
        return call(ch -> {
            writeFully(ch, ByteBuffer.wrap(PING));
            String reply = readReply(ch);
            return reply.startsWith("PONG") ? ScanResult.CLEAN : new ScanResult.Failed(Cause.ERROR, reply);
        }) instanceof ScanResult.Clean;
    }

    /**
     * Streams {@code content} to clamd and reads its verdict.
     *
     * @throws IOException only when reading {@code content} fails: a problem on our side, not clamd's
     */
    public ScanResult scan(InputStream content) throws IOException, InterruptedException {
        try {
            return call(ch -> instream(ch, content));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ScanResult call(Exchange exchange) throws InterruptedException {
        if (!slots.tryAcquire(settings.scanTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            return new ScanResult.Failed(Cause.TIMEOUT, "all " + settings.maxConnections() + " connections to "
                    + endpoint.spec() + " stayed busy for " + settings.scanTimeout());
        }
        Watchdog.Deadline deadline = null;
        try (SocketChannel ch = SocketChannel.open(endpoint.family())) {
            if (endpoint instanceof ClamdEndpoint.Tcp) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            deadline = watchdog.arm(ch, settings.connectTimeout());
            ch.connect(endpoint.address());
            deadline.cancel();
            deadline = watchdog.arm(ch, settings.scanTimeout());
            return exchange.run(ch);
        } catch (IOException e) {
            if (deadline != null && deadline.fired()) {
                return new ScanResult.Failed(Cause.TIMEOUT, endpoint.spec() + " did not answer within "
                        + deadline.limit());
            }
            return new ScanResult.Failed(Cause.UNAVAILABLE, endpoint.spec() + ": " + e);
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            slots.release();
        }
    }

    private ScanResult instream(SocketChannel ch, InputStream content) throws IOException {
        writeFully(ch, ByteBuffer.wrap(INSTREAM));
        ByteBuffer frame = ByteBuffer.allocate(4 + CHUNK + 4);
        long sent = 0;
        boolean more = false;
        try {
            while (true) {
                int want = (int) Math.min(CHUNK, settings.maxStreamSize() - sent);
                int n = want == 0 ? 0 : readSource(content, frame.array(), 4, want);
                boolean last = n < want || want == 0;
                more = want == 0 && readSource(content, new byte[1], 0, 1) > 0;
                // Length, data and (at the end) the zero terminator in one write: no small segments.
                frame.clear();
                if (n > 0) {
                    frame.putInt(n).position(4 + n);
                }
                if (last) {
                    frame.putInt(0);
                }
                writeFully(ch, frame.flip());
                sent += n;
                if (last) {
                    break;
                }
            }
        } catch (IOException e) {
            // clamd may hang up early (its own StreamMaxLength); its reason is usually still readable.
            ScanResult r = ClamdReply.parse(readReply(ch));
            if (r instanceof ScanResult.Failed f && f.cause() == Cause.UNAVAILABLE) {
                throw e;
            }
            return r;
        }
        ScanResult r = ClamdReply.parse(readReply(ch));
        if (more && r instanceof ScanResult.Clean) {
            return new ScanResult.Failed(Cause.TOO_LARGE, "stream longer than " + settings.maxStreamSize()
                    + " bytes; only that much was scanned");
        }
        return r;
    }

    private static int readSource(InputStream in, byte[] buf, int off, int want) {
        try {
            return in.readNBytes(buf, off, want);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static String readReply(SocketChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(MAX_REPLY);
        while (b.hasRemaining()) {
            int n = ch.read(b);
            if (n < 0 || (b.position() > 0 && b.get(b.position() - 1) == 0)) {
                break;
            }
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        watchdog.close();
    }

    @FunctionalInterface
    private interface Exchange {
        ScanResult run(SocketChannel ch) throws IOException;
    }
}
