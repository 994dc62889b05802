// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.Daemon;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandEncoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.FrameWriter;
import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.ResponseDecoder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon, configured from YAML with the test lists, driven over its milter socket:
 * the RBL and envelope filters are wired in, against a real rbldnsd.
 */
class RblDaemonTest {
    @TempDir
    static Path dir;
    static Rbldnsd dns;
    static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        Path zones = Files.createDirectory(dir.resolve("zones"));
        dns = Rbldnsd.start(zones, TestZones.RBLDNSD_ZONES);
        Path yml = dir.resolve("moat.yml");
        Files.writeString(yml, """
                listen: ["inet:127.0.0.1:0"]
                rbl:
                  resolver: 127.0.0.1:%d
                  timeout: 1s
                  zones:
                    - { name: TESTBL, zone: bl.test, weight: 3, reject: true }
                    - { name: TESTWL, zone: wl.test, weight: -5 }
                envelope:
                  domains:
                    example.org: { mailboxes: [alice, postmaster] }
                """.formatted(dns.address().getPort()));
        MoatConfig config = new ConfigLoader("mx.test", dir.resolve("spool")).load(yml);
        daemon = Daemon.start(config, Clock.systemUTC(), System::nanoTime, r -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private static Response send(OutputStream out, FrameReader in, Command c) throws Exception {
        out.write(FrameWriter.toBytes(List.of(CommandEncoder.encode(c))));
        out.flush();
        Frame f = in.read();
        assertThat(f).as("reply to " + c).isNotNull();
        return ResponseDecoder.decode(f);
    }

    @Test
    void listedClientIsRefusedPerRecipientAndUnknownRecipientFirst() throws Exception {
        try (Socket s = new Socket()) {
            s.connect((InetSocketAddress) daemon.boundAddresses().getFirst(), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream raw = s.getInputStream();
            FrameReader in = new FrameReader(raw, 1 << 20);
            assertThat(send(out, in, new Command.OptNeg(6, 0x1ff, 0))).isInstanceOf(Response.OptionsReply.class);
            assertThat(send(out, in, new Command.Connect("c.example", Command.Family.SMFIA_INET, 4711, "192.0.2.2")))
                    .isInstanceOf(Response.Continue.class);
            assertThat(send(out, in, new Command.Helo("c.example"))).isInstanceOf(Response.Continue.class);
            assertThat(send(out, in, new Command.Mail("<x@good.example>", List.of()))).isInstanceOf(Response.Continue.class);
            assertThat(send(out, in, new Command.Rcpt("<carol@example.org>", List.of())))
                    .isInstanceOfSatisfying(Response.ReplyCode.class, r -> assertThat(r.reply()).startsWith("550 5.1.1"));
            assertThat(send(out, in, new Command.Rcpt("<alice@example.org>", List.of())))
                    .isInstanceOfSatisfying(Response.ReplyCode.class, r -> assertThat(r.reply())
                            .startsWith("550 5.7.1").contains("bl.test"));
            assertThat(send(out, in, new Command.Rcpt("<postmaster@example.org>", List.of()))).isInstanceOf(Response.Continue.class);
        }
    }
}
