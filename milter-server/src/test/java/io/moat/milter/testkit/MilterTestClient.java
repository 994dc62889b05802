// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.testkit;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.FrameWriter;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.ResponseDecoder;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The MTA side of a milter connection, for tests: sends commands as Postfix lays them out and
 * reads the milter's replies. Every read has a timeout, so a silent server fails a test instead
 * of hanging it.
 */
public final class MilterTestClient implements Closeable {
    /** A small message a content filter has no reason to dislike: every usual header, plain text. */
    public static final String ORDINARY_MESSAGE = "From: Alice Example <a@example.org>\r\n"
            + "To: Bob Example <b@example.net>\r\n"
            + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <20261123100000.1@example.org>\r\n"
            + "Subject: Minutes of Monday's meeting\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + "Hi Bob,\r\n\r\nthe minutes are attached to the wiki page as usual.\r\n\r\nAlice\r\n";

    /** What Postfix 3.7 offers at OPTNEG: version 6, every action, every protocol flag. */
    public static final Command.OptNeg POSTFIX_OFFER = new Command.OptNeg(6, 0x1FF, 0x1FFFFF);

    private final @Nullable Socket socket;
    private final @Nullable SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final FrameReader reader;

    private MilterTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.channel = null;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.reader = new FrameReader(in, 64 * 1024 * 1024);
    }

    private MilterTestClient(SocketChannel channel) {
        this.socket = null;
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
        this.reader = new FrameReader(in, 64 * 1024 * 1024);
    }

    /**
     * Connects over a unix socket, as Postfix does with {@code unix:PATH}. Reads on it have no
     * timeout of their own: give the test a JUnit {@code @Timeout}.
     */
    public static MilterTestClient connectUnix(Path path) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(path));
        return new MilterTestClient(ch);
    }

    public static MilterTestClient connect(SocketAddress address) throws IOException {
        InetSocketAddress inet = (InetSocketAddress) address;
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", inet.getPort()), 5000);
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        return new MilterTestClient(s);
    }

    /** Changes how long a read waits for the milter before the test fails. */
    public void readTimeout(Duration timeout) throws SocketException {
        tcp().setSoTimeout((int) timeout.toMillis());
    }

    private Socket tcp() {
        Socket s = socket;
        if (s == null) {
            throw new IllegalStateException("timeouts need a TCP connection");
        }
        return s;
    }

    public void send(Command command) throws IOException {
        sendRaw(FrameWriter.toBytes(List.of(CommandEncoder.encode(command))));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Closes the MTA's sending side only, as a peer that stops mid-frame would. */
    public void shutdownOutput() throws IOException {
        if (channel != null) {
            channel.shutdownOutput();
        } else {
            tcp().shutdownOutput();
        }
    }

    /** The next reply; fails when the milter closed the connection instead. */
    public Response read() throws IOException, ProtocolException {
        Frame f = reader.read();
        if (f == null) {
            throw new IOException("milter closed the connection");
        }
        return ResponseDecoder.decode(f);
    }

    /** Replies up to and including the next terminal one (PROGRESS and modifications come first). */
    public List<Response> readUntilTerminal() throws IOException, ProtocolException {
        List<Response> replies = new ArrayList<>();
        Response r;
        do {
            r = read();
            replies.add(r);
        } while (!r.terminal());
        return replies;
    }

    /** Sends a command that expects a reply and returns every reply to it. */
    public List<Response> exchange(Command command) throws IOException, ProtocolException {
        send(command);
        return readUntilTerminal();
    }

    /** The final reply to a command, ignoring PROGRESS and modifications. */
    public Response last(Command command) throws IOException, ProtocolException {
        List<Response> replies = exchange(command);
        return replies.get(replies.size() - 1);
    }

    public Response.OptionsReply negotiate(Command.OptNeg offer) throws IOException, ProtocolException {
        send(offer);
        return (Response.OptionsReply) read();
    }

    /**
     * One message as Postfix sends it (connect, helo, mail, rcpt, data, headers, body, end of
     * message) and the replies to end of message. Every earlier step must get CONTINUE.
     */
    public List<Response> sendMessage(String sender, String recipient, String queueId, String headersAndBody)
            throws IOException, ProtocolException {
        return sendMessage(sender, List.of(recipient), queueId, headersAndBody);
    }

    /** The same with several recipients in one transaction. */
    public List<Response> sendMessage(String sender, List<String> recipients, String queueId, String headersAndBody)
            throws IOException, ProtocolException {
        requireContinue(new Command.Mail(sender, List.of()));
        for (String r : recipients) {
            requireContinue(new Command.Rcpt(r, List.of()));
        }
        send(new Command.Macro('T', Map.of("i", queueId)));
        requireContinue(new Command.Data());
        String[] parts = headersAndBody.split("\r\n\r\n", 2);
        for (String line : parts[0].split("\r\n")) {
            int colon = line.indexOf(':');
            requireContinue(new Command.Header(line.substring(0, colon), line.substring(colon + 1).stripLeading()));
        }
        requireContinue(new Command.EndOfHeaders());
        if (parts.length > 1 && !parts[1].isEmpty()) {
            requireContinue(new Command.Body(parts[1].getBytes(StandardCharsets.ISO_8859_1)));
        }
        send(new Command.Macro('E', Map.of("i", queueId)));
        return exchange(new Command.EndOfMessage(new byte[0]));
    }

    private void requireContinue(Command c) throws IOException, ProtocolException {
        Response r = last(c);
        if (!(r instanceof Response.Continue)) {
            throw new IllegalStateException(c.code() + " was answered with " + r);
        }
    }

    /** How a connection ended, as seen from the MTA side. */
    public enum Ending {
        /** The milter closed its side: end of stream. */
        CLOSED,
        /** The connection was reset (the milter closed with unread input). */
        RESET,
        /** Still open when the wait ended. */
        OPEN
    }

    /** Waits for the milter to end the connection, dropping anything it still sends. */
    public Ending awaitEnd(Duration timeout) throws IOException {
        tcp().setSoTimeout((int) timeout.toMillis());
        byte[] sink = new byte[4096];
        try {
            while (in.read(sink) >= 0) {
                // keep draining until the peer closes
            }
            return Ending.CLOSED;
        } catch (SocketTimeoutException e) {
            return Ending.OPEN;
        } catch (SocketException e) {
            return Ending.RESET;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        } else {
            tcp().close();
        }
    }
}
