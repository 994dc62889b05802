// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.ResponseCode;
import io.moat.milter.protocol.ResponseDecoder;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One milter connection driven the way Postfix 3.7's milter8 client drives it: every command is
 * preceded by its MACRO packet, steps the milter opted out of (SMFIP_NO*) are not sent, replies are
 * awaited except where the milter negotiated SMFIP_NR_*, and PROGRESS and modifications are read
 * until the terminal reply.
 *
 * <p>Like Postfix's double-buffered VSTREAM, what is written stays in the output buffer until a
 * reply is read, the buffer is full or the connection is closed: a MACRO packet and its command,
 * steps without a reply, and the ABORT and QUIT Postfix writes without flushing all leave together.
 * Frames arrive ready-encoded ({@link Wire}); the client only copies them into its buffer. There is
 * no read timeout (a socket timeout costs a poll per read): {@link #stalledSince()} lets a watchdog
 * close a connection that hangs.
 */
public final class MilterClient implements Closeable {
    /** What Postfix 3.7.11 offered at OPTNEG. */
    public static final int VERSION = 6;
    public static final int ACTIONS = 0x1FF;
    public static final int PROTOCOL = 0x1FFFFF;

    private final SocketChannel channel;
    private final boolean flushEachFrame;
    private final ByteBuffer out;
    private final ByteBuffer in = ByteBuffer.allocateDirect(1 << 16).flip();
    private Set<ProtocolFlag> flags = EnumSet.noneOf(ProtocolFlag.class);
    private PostfixMacros macros = new PostfixMacros(Map.of());
    private volatile long stalledSince;

    private MilterClient(SocketChannel channel, boolean flushEachFrame, int writeBuffer) {
        this.channel = channel;
        this.flushEachFrame = flushEachFrame;
        this.out = ByteBuffer.allocateDirect(writeBuffer);
    }

    /**
     * Connects (TCP, or a unix socket when {@code milter} is a {@link UnixDomainSocketAddress}) and
     * negotiates; the milter's answer decides the steps, replies and macros that follow.
     */
    public static MilterClient open(SocketAddress milter, boolean flushEachFrame, boolean nagle, int writeBuffer)
            throws IOException, ProtocolException {
        SocketChannel ch;
        if (milter instanceof UnixDomainSocketAddress) {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(milter);
        } else {
            ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, !nagle);
            ch.connect(milter);
        }
        MilterClient c = new MilterClient(ch, flushEachFrame, writeBuffer);
        try {
            c.negotiate();
        } catch (IOException | ProtocolException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void negotiate() throws IOException, ProtocolException {
        append(Wire.of(CommandEncoder.encode(new Command.OptNeg(VERSION, ACTIONS, PROTOCOL))));
        Frame f = readFrame(true);
        if (!(ResponseDecoder.decode(f) instanceof Response.OptionsReply o)) {
            throw new ProtocolException("expected an OPTNEG reply, got " + f);
        }
        if (o.version() > VERSION || (o.actions() & ~ACTIONS) != 0 || (o.protocol() & ~PROTOCOL) != 0) {
            throw new ProtocolException("milter asked for more than Postfix offers: " + o);
        }
        flags = ProtocolFlag.fromMask(o.protocol());
        macros = new PostfixMacros(ActionFlag.fromMask(o.actions()).contains(ActionFlag.SMFIF_SETSYMLIST)
                ? o.macroLists() : Map.of());
    }

    public boolean leadingSpace() {
        return flags.contains(ProtocolFlag.SMFIP_HDR_LEADSPC);
    }

    /** Whether the milter opted out of the step {@code skipFlag} names (SMFIP_NO*). */
    public boolean skips(@Nullable ProtocolFlag skipFlag) {
        return skipFlag != null && flags.contains(skipFlag);
    }

    /** Which macros Postfix sends at each stage to this milter. */
    public PostfixMacros macros() {
        return macros;
    }

    /**
     * Sends one step: its MACRO packet, then the command, both as wire bytes. Returns the terminal
     * reply byte, {@code 'c'} when the step is skipped or needs no reply.
     */
    public char step(byte[] macroPacket, byte[] command, @Nullable ProtocolFlag skipFlag,
                     @Nullable ProtocolFlag noReplyFlag) throws IOException, ProtocolException {
        if (skips(skipFlag)) {
            return 'c';
        }
        append(macroPacket);
        if (flushEachFrame) {
            flush();
        }
        append(command);
        if (noReplyFlag != null && flags.contains(noReplyFlag)) {
            // Like Postfix's VSTREAM: steps without a reply stay buffered until the next read.
            return 'c';
        }
        return awaitTerminal();
    }

    /** Buffers a command that never gets a reply (ABORT, QUIT); it leaves with the next read or at close. */
    public void send(byte[] command) throws IOException {
        append(command);
    }

    /** When the client started waiting for a reply that has not come, in nanoTime; 0 when not waiting. */
    public long stalledSince() {
        return stalledSince;
    }

    private char awaitTerminal() throws IOException, ProtocolException {
        while (true) {
            Frame f = readFrame(false);
            ResponseCode code = ResponseCode.of(f.code());
            if (code == null) {
                throw new ProtocolException("unknown reply byte 0x" + Integer.toHexString(f.code() & 0xff));
            }
            if (code.terminal()) {
                return code.wire();
            }
        }
    }

    /** The next reply; its payload is kept only when {@code keepPayload} (OPTNEG), else skipped. */
    private Frame readFrame(boolean keepPayload) throws IOException, ProtocolException {
        flush();
        stalledSince = System.nanoTime();
        try {
            fill(5);
            int length = in.getInt();
            byte code = in.get();
            if (length < 1 || length > 1 << 24) {
                throw new ProtocolException("reply of " + length + " bytes");
            }
            int remaining = length - 1;
            byte[] payload = keepPayload ? new byte[remaining] : Wire.EMPTY;
            int copied = 0;
            while (remaining > 0) {
                fill(1);
                int n = Math.min(remaining, in.remaining());
                if (keepPayload) {
                    in.get(payload, copied, n);
                } else {
                    in.position(in.position() + n);
                }
                copied += n;
                remaining -= n;
            }
            return new Frame(code, payload);
        } finally {
            stalledSince = 0;
        }
    }

    /** Reads until at least {@code n} bytes are buffered; each read takes whatever has arrived. */
    private void fill(int n) throws IOException {
        if (in.remaining() >= n) {
            return;
        }
        in.compact();
        try {
            while (in.position() < n) {
                if (channel.read(in) < 0) {
                    throw new EOFException("milter closed the connection");
                }
            }
        } finally {
            in.flip();
        }
    }

    private void append(byte[] bytes) throws IOException {
        int off = 0;
        while (off < bytes.length) {
            if (!out.hasRemaining()) {
                flush();
            }
            int n = Math.min(out.remaining(), bytes.length - off);
            out.put(bytes, off, n);
            off += n;
        }
    }

    private void flush() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }

    /** Closes the socket from another thread (a watchdog): the worker's blocked read fails. */
    public void abandon() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is all that was asked.
        }
    }

    /** Writes what is still buffered (as Postfix's vstream_fclose does), then closes. */
    @Override
    public void close() throws IOException {
        try {
            if (channel.isOpen() && out.position() > 0) {
                flush();
            }
        } finally {
            channel.close();
        }
    }
}
