// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.FrameWriter;
import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.ResponseDecoder;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONNECT with family {@code 'L'} (an SMTP client on a unix socket), which miltertest cannot
 * send: its {@code mt.conninfo} knows only IPv4, IPv6 and "unspec". Written here with Moat's own
 * encoder over the daemon's unix socket, so this test is not independent of Moat's codec; the
 * frames follow milter8.c (host, family, port, path).
 */
class UnixFamilyConnectTest {
    @TempDir
    Path dir;

    @Test
    void takesASocketPathAsTheClientAddress() throws Exception {
        try (RecordingDaemon daemon = RecordingDaemon.start(dir, "");
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(daemon.unixSocket()));
            OutputStream out = Channels.newOutputStream(ch);
            FrameReader in = new FrameReader(Channels.newInputStream(ch), 1 << 20);

            assertThat(exchange(out, in, new Command.OptNeg(6, 0x1FF, 0x1FFFFF))).singleElement()
                    .isInstanceOf(Response.OptionsReply.class);
            String path = "/var/spool/postfix/private/smtp-local";
            assertThat(exchange(out, in, new Command.Connect("localhost", Command.Family.SMFIA_UNIX, 0, path)))
                    .containsExactly(new Response.Continue());
            assertThat(exchange(out, in, new Command.Helo("localhost"))).containsExactly(new Response.Continue());
            assertThat(exchange(out, in, new Command.Mail("<local@example.org>", List.of()))).containsExactly(new Response.Continue());
            assertThat(exchange(out, in, new Command.Rcpt("<bob@example.net>", List.of()))).containsExactly(new Response.Continue());
            for (Command.Header h : List.of(new Command.Header("From", " <local@example.org>"),
                    new Command.Header("To", " <bob@example.net>"),
                    new Command.Header("Date", " Tue, 24 Nov 2026 01:00:00 +0000"),
                    new Command.Header("Message-ID", " <LOC001@example.org>"),
                    new Command.Header("Subject", " from a unix client"))) {
                assertThat(exchange(out, in, h)).containsExactly(new Response.Continue());
            }
            assertThat(exchange(out, in, new Command.EndOfHeaders())).containsExactly(new Response.Continue());
            assertThat(exchange(out, in, new Command.Body("Local.\r\n".getBytes(StandardCharsets.US_ASCII))))
                    .containsExactly(new Response.Continue());
            send(out, new Command.Macro('E', Map.of("i", "LOC001")));
            List<Response> eom = exchange(out, in, new Command.EndOfMessage(new byte[0]));
            assertThat(eom).last().isEqualTo(new Response.Continue());
            assertThat(eom).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(Response.AddHeader.class,
                    h -> assertThat(h.name()).isEqualTo("X-Moat-Status")));
            send(out, new Command.Quit());

            assertThat(daemon.records()).singleElement().satisfies(r -> {
                assertThat(r.queueId()).isEqualTo("LOC001");
                assertThat(r.clientAddress()).isEqualTo(path);
                assertThat(r.subject()).isEqualTo("from a unix client");
            });
        }
    }

    private static void send(OutputStream out, Command c) throws Exception {
        out.write(FrameWriter.toBytes(List.of(CommandEncoder.encode(c))));
        out.flush();
    }

    /** Sends a command and reads replies up to and including the terminal one. */
    private static List<Response> exchange(OutputStream out, FrameReader in, Command c) throws Exception {
        send(out, c);
        List<Response> replies = new ArrayList<>();
        while (true) {
            Frame f = in.read();
            assertThat(f).as("reply to %s", c.code()).isNotNull();
            Response r = ResponseDecoder.decode(f);
            replies.add(r);
            if (r instanceof Response.OptionsReply || r.terminal()) {
                return replies;
            }
        }
    }
}
