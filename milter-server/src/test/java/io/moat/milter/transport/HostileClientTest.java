// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.MilterTestClient.Ending;
import io.moat.milter.testkit.TestDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A peer that breaks the protocol on a real socket: the daemon closes that connection at once and
 * cleanly, frees its slot, and goes on serving well-formed sessions.
 */
class HostileClientTest {
    private static Path dir;
    private static TestDaemon daemon;

    @BeforeAll
    @BeforeContainer
    static void startDaemon() throws Exception {
        if (daemon == null) {
            dir = Files.createTempDirectory("moat-hostile");
            daemon = TestDaemon.start(dir, "connections:\n  max: 4\n");
        }
    }

    @AfterAll
    @AfterContainer
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }

    private static void assertClosedAndStillServing(byte[] hostile, boolean halfClose) throws Exception {
        try (MilterTestClient bad = daemon.connect()) {
            bad.sendRaw(hostile);
            if (halfClose) {
                bad.shutdownOutput();
            }
            assertThat(bad.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CLOSED);
        }
        assertThat(daemon.daemon().server().awaitIdle(Duration.ofSeconds(5))).as("slot freed").isTrue();
        assertWellFormedSessionIsServed();
    }

    private static void assertWellFormedSessionIsServed() throws Exception {
        try (MilterTestClient good = daemon.connect()) {
            Response.OptionsReply options = good.negotiate(MilterTestClient.POSTFIX_OFFER);
            assertThat(options.version()).isEqualTo(6);
            good.send(new Command.Macro('C', Map.of("j", "mx")));
            assertThat(good.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 1, "192.0.2.1")))
                    .isEqualTo(new Response.Continue());
            List<Response> eom = good.sendMessage("<a@example.org>", "<b@example.net>", "4OK",
                    MilterTestClient.ORDINARY_MESSAGE);
            assertThat(eom).last().isEqualTo(new Response.Continue());
            assertThat(eom.get(0)).isInstanceOf(Response.AddHeader.class);
            good.send(new Command.Quit());
            assertThat(good.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CLOSED);
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void oneGibLengthHeaderIsRefusedAtOnceWithoutWaitingForTheBody() throws Exception {
        assertClosedAndStillServing(hex("40000000 4f"), false);
    }

    @Test
    void zeroLengthFrameClosesTheConnection() throws Exception {
        assertClosedAndStillServing(hex("00000000"), false);
    }

    @Test
    void unknownCommandByteClosesTheConnection() throws Exception {
        assertClosedAndStillServing(hex("00000001 7a"), false);
    }

    @Test
    void malformedPayloadClosesTheConnection() throws Exception {
        // OPTNEG with 4 of its 12 bytes
        assertClosedAndStillServing(hex("00000005 4f 00000006"), false);
    }

    @Test
    void commandOutOfOrderClosesTheConnection() throws Exception {
        // RCPT before OPTNEG
        assertClosedAndStillServing(hex("00000004 52 3c3e00"), false);
    }

    @Test
    void frameCutShortByTheClientClosingClosesTheConnection() throws Exception {
        assertClosedAndStillServing(hex("0000000d 4f 00000006 0000"), true);
    }

    @Test
    void randomGarbageClosesTheConnection() throws Exception {
        byte[] garbage = new byte[2000];
        new Random(20260301).nextBytes(garbage);
        assertClosedAndStillServing(garbage, true);
    }

    @Test
    void garbageAfterAGoodStartClosesTheConnection() throws Exception {
        try (MilterTestClient c = daemon.connect()) {
            c.negotiate(MilterTestClient.POSTFIX_OFFER);
            c.sendRaw(hex("00000003 43 00 58"));
            assertThat(c.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CLOSED);
        }
        assertWellFormedSessionIsServed();
    }

    @Property(tries = 40)
    void anyBytesEndInACleanCloseAndTheDaemonGoesOn(@ForAll @Size(min = 1, max = 300) byte[] garbage)
            throws Exception {
        try (MilterTestClient bad = daemon.connect()) {
            bad.sendRaw(garbage);
            bad.shutdownOutput();
            assertThat(bad.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CLOSED);
        }
        assertThat(daemon.daemon().server().awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void daemonStillServesAfterTheWholeBarrage() throws Exception {
        assertWellFormedSessionIsServed();
        assertThat(daemon.records()).extracting(r -> r.queueId()).contains("4OK");
    }
}
