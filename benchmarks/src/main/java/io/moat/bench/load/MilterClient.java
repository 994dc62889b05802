// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.MacroStage;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.ResponseCode;
import io.moat.milter.protocol.ResponseDecoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
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
 */
public final class MilterClient implements Closeable {
    /** What Postfix 3.7.11 offered at OPTNEG. */
    public static final int VERSION = 6;
    public static final int ACTIONS = 0x1FF;
    public static final int PROTOCOL = 0x1FFFFF;

    private final Closeable socket;
    private final OutputStream out;
    private final FrameReader in;
    private final boolean flushEachFrame;
    private Set<ProtocolFlag> flags = EnumSet.noneOf(ProtocolFlag.class);
    private PostfixMacros macros = new PostfixMacros(Map.of());

    private MilterClient(Closeable socket, InputStream in, OutputStream out, boolean flushEachFrame, int writeBuffer) {
        this.socket = socket;
        this.out = new BufferedOutputStream(out, writeBuffer);
        this.in = new FrameReader(new BufferedInputStream(in, 1 << 16), 1 << 24);
        this.flushEachFrame = flushEachFrame;
    }

    /**
     * Connects (TCP, or a unix socket when {@code milter} is a {@link UnixDomainSocketAddress}) and
     * negotiates; the milter's answer decides the steps, replies and macros that follow.
     */
    public static MilterClient open(SocketAddress milter, boolean flushEachFrame, boolean nagle, int writeBuffer)
            throws IOException, ProtocolException {
        MilterClient c;
        if (milter instanceof UnixDomainSocketAddress) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(milter);
            c = new MilterClient(ch, Channels.newInputStream(ch), Channels.newOutputStream(ch), flushEachFrame, writeBuffer);
        } else {
            Socket s = new Socket();
            s.setTcpNoDelay(!nagle);
            s.setSoTimeout(30_000);
            s.connect(milter, 10_000);
            c = new MilterClient(s, s.getInputStream(), s.getOutputStream(), flushEachFrame, writeBuffer);
        }
        try {
            c.negotiate();
        } catch (IOException | ProtocolException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void negotiate() throws IOException, ProtocolException {
        write(CommandEncoder.encode(new Command.OptNeg(VERSION, ACTIONS, PROTOCOL)));
        out.flush();
        Frame f = readFrame();
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

    /**
     * Sends one step: its MACRO packet with the values {@code known} has for the stage, then the
     * command. Returns the terminal reply byte, {@code 'c'} when the step is skipped or needs no reply.
     */
    public char step(char macroCommand, MacroStage macroStage, Map<String, String> known, Command command,
                     @Nullable ProtocolFlag skipFlag, @Nullable ProtocolFlag noReplyFlag) throws IOException, ProtocolException {
        return step(macroCommand, macroStage, known, CommandEncoder.encode(command), skipFlag, noReplyFlag);
    }

    /** As {@link #step(char, MacroStage, Map, Command, ProtocolFlag, ProtocolFlag)} with a ready frame. */
    public char step(char macroCommand, MacroStage macroStage, Map<String, String> known, Frame command,
                     @Nullable ProtocolFlag skipFlag, @Nullable ProtocolFlag noReplyFlag) throws IOException, ProtocolException {
        if (skipFlag != null && flags.contains(skipFlag)) {
            return 'c';
        }
        write(CommandEncoder.encode(new Command.Macro(macroCommand, macros.select(macroStage, known))));
        if (flushEachFrame) {
            out.flush();
        }
        write(command);
        if (noReplyFlag != null && flags.contains(noReplyFlag)) {
            // Like Postfix's VSTREAM: steps without a reply stay buffered until the next read.
            return 'c';
        }
        out.flush();
        return awaitTerminal();
    }

    /** Sends a command that never gets a reply (ABORT, QUIT). */
    public void send(Command command) throws IOException {
        write(CommandEncoder.encode(command));
        out.flush();
    }

    private char awaitTerminal() throws IOException, ProtocolException {
        while (true) {
            Frame f = readFrame();
            ResponseCode code = ResponseCode.of(f.code());
            if (code == null) {
                throw new ProtocolException("unknown reply byte 0x" + Integer.toHexString(f.code() & 0xff));
            }
            if (code.terminal()) {
                return code.wire();
            }
        }
    }

    private Frame readFrame() throws IOException, ProtocolException {
        out.flush();
        Frame f = in.read();
        if (f == null) {
            throw new EOFException("milter closed the connection");
        }
        return f;
    }

    private void write(Frame f) throws IOException {
        int length = f.payload().length + 1;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(f.code());
        out.write(f.payload());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
