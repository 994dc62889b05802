// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import io.moat.milter.verdict.Classification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * protocol.no-reply: the listeners it names ask Postfix not to wait at the steps whose verdict can
 * wait; MAIL, RCPT and end of message are still answered, and the message is still filtered.
 */
class NoReplyTest {
    private static final int NO_REPLY_STEPS = ProtocolFlag.SMFIP_NR_HDR.bit() | ProtocolFlag.SMFIP_NR_DATA.bit()
            | ProtocolFlag.SMFIP_NR_EOH.bit() | ProtocolFlag.SMFIP_NR_BODY.bit() | ProtocolFlag.SMFIP_NR_CONN.bit();
    private static final int ANSWERED_STEPS = ProtocolFlag.SMFIP_NR_MAIL.bit() | ProtocolFlag.SMFIP_NR_RCPT.bit();

    @TempDir
    Path dir;

    @Test
    void unixScopeSkipsRepliesOnTheUnixSocketOnlyAndStillAddsTheTraceHeader() throws Exception {
        Path socket = dir.resolve("m.sock");
        String yaml = "listen: [\"inet:127.0.0.1:0\", \"unix:" + socket + "\"]\nprotocol:\n  no-reply: unix\n";
        try (TestDaemon daemon = TestDaemon.start(dir, yaml)) {
            try (MilterTestClient tcp = daemon.connect()) {
                Response.OptionsReply r = tcp.negotiate(MilterTestClient.POSTFIX_OFFER);
                assertThat(r.protocol() & (NO_REPLY_STEPS | ANSWERED_STEPS)).isZero();
            }
            try (MilterTestClient unix = MilterTestClient.connectUnix(socket)) {
                Response.OptionsReply r = unix.negotiate(MilterTestClient.POSTFIX_OFFER);
                assertThat(r.protocol() & NO_REPLY_STEPS).isEqualTo(NO_REPLY_STEPS);
                assertThat(r.protocol() & ANSWERED_STEPS).isZero();
                List<Response> eom = sendWithoutWaiting(unix, "hello\r\n");
                assertThat(eom.get(0)).isInstanceOfSatisfying(Response.AddHeader.class,
                        h -> assertThat(h.name()).isEqualTo("X-Moat-Status"));
                assertThat(eom.get(eom.size() - 1)).isEqualTo(new Response.Continue());
            }
            assertThat(daemon.records()).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("hello"));
        }
    }

    @Test
    void allScopeSkipsRepliesOverTcpAndSpamIsStillRejectedAtTheEnd() throws Exception {
        String yaml = "listen: [\"inet:127.0.0.1:0\"]\nprotocol:\n  no-reply: all\n";
        try (TestDaemon daemon = TestDaemon.start(dir, yaml); MilterTestClient tcp = daemon.connect()) {
            Response.OptionsReply r = tcp.negotiate(MilterTestClient.POSTFIX_OFFER);
            assertThat(r.protocol() & NO_REPLY_STEPS).isEqualTo(NO_REPLY_STEPS);
            List<Response> eom = sendWithoutWaiting(tcp,
                    "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n");
            assertThat(eom).last().isInstanceOfSatisfying(Response.ReplyCode.class,
                    c -> assertThat(c.reply()).startsWith("550 5.7.1"));
            assertThat(daemon.records()).singleElement()
                    .satisfies(m -> assertThat(m.classification()).isEqualTo(Classification.SPAM));
        }
    }

    @Test
    void garbageAfterUnansweredStepsClosesTheConnectionAndTheNextSessionIsServed() throws Exception {
        String yaml = "listen: [\"inet:127.0.0.1:0\"]\nprotocol:\n  no-reply: all\n";
        try (TestDaemon daemon = TestDaemon.start(dir, yaml)) {
            try (MilterTestClient bad = daemon.connect()) {
                bad.negotiate(MilterTestClient.POSTFIX_OFFER);
                bad.send(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));
                byte[] garbage = new byte[2000];
                new java.util.Random(20261124).nextBytes(garbage);
                bad.sendRaw(garbage);
                assertThat(bad.awaitEnd(java.time.Duration.ofSeconds(5))).isEqualTo(MilterTestClient.Ending.CLOSED);
            }
            try (MilterTestClient good = daemon.connect()) {
                good.negotiate(MilterTestClient.POSTFIX_OFFER);
                assertThat(sendWithoutWaiting(good, "hello\r\n")).last().isEqualTo(new Response.Continue());
            }
        }
    }

    /** Every step the MTA need not wait for is sent without reading; only MAIL, RCPT and EOM are awaited. */
    private static List<Response> sendWithoutWaiting(MilterTestClient c, String body) throws Exception {
        c.send(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));
        c.send(new Command.Helo("c.example.org"));
        assertThat(c.last(new Command.Mail("<a@example.org>", List.of()))).isEqualTo(new Response.Continue());
        assertThat(c.last(new Command.Rcpt("<b@example.net>", List.of()))).isEqualTo(new Response.Continue());
        c.send(new Command.Macro('T', Map.of("i", "4NR1")));
        c.send(new Command.Data());
        c.send(new Command.Header("From", " a@example.org"));
        c.send(new Command.Header("Subject", " hello"));
        c.send(new Command.Header("Message-ID", " <n1@example.org>"));
        c.send(new Command.Header("Date", " Mon, 2 Sep 2002 10:00:00 +0000"));
        c.send(new Command.EndOfHeaders());
        c.send(new Command.Body(body.getBytes(StandardCharsets.US_ASCII)));
        return c.exchange(new Command.EndOfMessage(new byte[0]));
    }
}
