// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** protocol.unix-no-reply-headers: unix-socket connections skip the reply per header; TCP ones do not. */
class UnixNoReplyHeadersTest {
    @TempDir
    Path dir;

    @Test
    void unixConnectionsNegotiateNoReplyHeadersAndStillGetTheTraceHeader() throws Exception {
        Path socket = dir.resolve("m.sock");
        String yaml = "listen: [\"inet:127.0.0.1:0\", \"unix:" + socket + "\"]\nprotocol:\n  unix-no-reply-headers: true\n";
        try (TestDaemon daemon = TestDaemon.start(dir, yaml)) {
            try (MilterTestClient tcp = daemon.connect()) {
                Response.OptionsReply r = tcp.negotiate(MilterTestClient.POSTFIX_OFFER);
                assertThat(r.protocol() & ProtocolFlag.SMFIP_NR_HDR.bit()).isZero();
            }
            try (MilterTestClient unix = MilterTestClient.connectUnix(socket)) {
                Response.OptionsReply r = unix.negotiate(MilterTestClient.POSTFIX_OFFER);
                assertThat(r.protocol() & ProtocolFlag.SMFIP_NR_HDR.bit()).isNotZero();
                unix.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));
                unix.last(new Command.Mail("<a@example.org>", List.of()));
                unix.last(new Command.Rcpt("<b@example.net>", List.of()));
                unix.send(new Command.Macro('T', Map.of("i", "4NRH")));
                unix.last(new Command.Data());
                unix.send(new Command.Header("From", " a@example.org"));
                unix.send(new Command.Header("Subject", " hello"));
                unix.send(new Command.Header("Message-ID", " <n1@example.org>"));
                unix.send(new Command.Header("Date", " Mon, 2 Sep 2002 10:00:00 +0000"));
                assertThat(unix.last(new Command.EndOfHeaders())).isEqualTo(new Response.Continue());
                unix.last(new Command.Body("hello\r\n".getBytes(StandardCharsets.US_ASCII)));
                List<Response> eom = unix.exchange(new Command.EndOfMessage(new byte[0]));
                assertThat(eom.get(0)).isInstanceOfSatisfying(Response.AddHeader.class,
                        h -> assertThat(h.name()).isEqualTo("X-Moat-Status"));
                assertThat(eom.get(eom.size() - 1)).isEqualTo(new Response.Continue());
            }
            assertThat(daemon.records()).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("hello"));
        }
    }
}
