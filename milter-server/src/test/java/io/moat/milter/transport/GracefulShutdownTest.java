// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.MilterTestClient.Ending;
import io.moat.milter.testkit.TestDaemon;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown stops accepting, closes idle connections, and lets a message in flight finish: its
 * end of message is answered, then its connection is closed.
 */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    @Test
    void messageInFlightIsFinishedAndAnsweredBeforeItsConnectionCloses() throws Exception {
        TestDaemon daemon = TestDaemon.start(dir, "shutdown:\n  grace: 20s\n");
        InetSocketAddress address = (InetSocketAddress) daemon.address();
        try (MilterTestClient busy = daemon.connect(); MilterTestClient idle = daemon.connect()) {
            busy.negotiate(MilterTestClient.POSTFIX_OFFER);
            busy.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 1, "192.0.2.7"));
            busy.last(new Command.Mail("<a@example.org>", List.of()));
            busy.last(new Command.Rcpt("<b@example.net>", List.of()));
            busy.send(new Command.Macro('T', Map.of("i", "4INFLIGHT")));
            busy.last(new Command.Data());
            String[] parts = MilterTestClient.ORDINARY_MESSAGE.split("\r\n\r\n", 2);
            for (String line : parts[0].split("\r\n")) {
                int colon = line.indexOf(':');
                busy.last(new Command.Header(line.substring(0, colon), line.substring(colon + 1)));
            }
            idle.negotiate(MilterTestClient.POSTFIX_OFFER);

            Thread closer = Thread.ofPlatform().start(daemon::close);

            assertThat(idle.awaitEnd(Duration.ofSeconds(5))).as("idle connection").isEqualTo(Ending.CLOSED);
            assertThat(refusesNewConnections(address)).as("listener closed").isTrue();
            Thread.sleep(200); // shutdown reached every connection
            assertThat(closer.isAlive()).as("shutdown waits for the message").isTrue();

            assertThat(busy.last(new Command.EndOfHeaders())).isEqualTo(new Response.Continue());
            assertThat(busy.last(new Command.Body(parts[1].getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo(new Response.Continue());
            List<Response> eom = busy.exchange(new Command.EndOfMessage(new byte[0]));

            assertThat(eom.get(0)).isInstanceOfSatisfying(Response.AddHeader.class,
                    h -> assertThat(h.name()).isEqualTo("X-Moat-Status"));
            assertThat(eom).last().isEqualTo(new Response.Continue());
            assertThat(busy.awaitEnd(Duration.ofSeconds(5))).as("closed after the message").isEqualTo(Ending.CLOSED);
            closer.join(Duration.ofSeconds(5));
            assertThat(closer.isAlive()).as("shutdown ended once the message was done").isFalse();
            assertThat(daemon.records()).extracting(MessageRecord::queueId).containsExactly("4INFLIGHT");
        }
    }

    @Test
    void messageThatDoesNotFinishWithinTheGraceIsCut() throws Exception {
        TestDaemon daemon = TestDaemon.start(dir, "shutdown:\n  grace: 300ms\n");
        try (MilterTestClient stuck = daemon.connect()) {
            stuck.negotiate(MilterTestClient.POSTFIX_OFFER);
            stuck.last(new Command.Mail("<a@example.org>", List.of()));

            long start = System.nanoTime();
            daemon.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(stuck.awaitEnd(Duration.ofSeconds(5))).isNotEqualTo(Ending.OPEN);
            assertThat(daemon.daemon().server().awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
    }

    private static boolean refusesNewConnections(InetSocketAddress address) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", address.getPort()), 1000);
            } catch (IOException refused) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
