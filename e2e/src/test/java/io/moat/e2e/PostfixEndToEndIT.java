// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One message at a time through a real Postfix with Moat as its milter: what arrives at the
 * customer's server, what the sender is told, and what the daemon logs.
 */
class PostfixEndToEndIT {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Pattern POSTFIX_QUEUE_ID = Pattern.compile("\\(Postfix\\) with E?SMTP id ([0-9A-Za-z]+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(dir);
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void cleanMailArrivesAtTheSinkWithTheTraceHeaderAndOneGatewayLogLine() {
        Swaks.Result sent = gateway.swaks().send(gateway.postfix().ports().smtpd(), "clean-1", "Hello from the e2e test.");

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        SinkMessage delivered = awaitDelivered("clean-1");
        assertThat(delivered.header("X-Moat-Status")).singleElement().asString().startsWith("deliver; class=clean");
        Matcher qid = POSTFIX_QUEUE_ID.matcher(String.join("\n", delivered.header("Received")));
        assertThat(qid.find()).as("Postfix's Received header").isTrue();
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId("clean-1"))).singleElement().asString()
                .contains(" deliver clean ", "<sender@outside.example>", "<user@customer.example>", " " + qid.group(1) + " ");
    }

    @Test
    void gtubeIsRejectedWith550AtEndOfDataAndNeverDelivered() {
        Swaks.Result sent = gateway.swaks().send(gateway.postfix().ports().smtpd(), "gtube-1", "Spam test\n" + GTUBE + "\n");

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_ERROR_AFTER_BODY);
        assertThat(sent.transcript()).contains("<** 550 5.7.1");
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId("gtube-1"))).singleElement().asString()
                .contains(" reject spam ", "GTUBE");
        assertNeverDelivered("gtube-1");
    }

    @Test
    void messageOverTheSizeLimitIsRejectedWith552AtEndOfData() {
        String body = ("x".repeat(76) + "\n").repeat(Gateway.MAX_MESSAGE_SIZE / 77 + 50);

        Swaks.Result sent = gateway.swaks().send(gateway.postfix().ports().smtpd(), "big-1", body);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_ERROR_AFTER_BODY);
        assertThat(sent.transcript()).contains("<** 552 5.3.4");
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId("big-1"))).singleElement().asString()
                .contains(" reject oversized ");
        assertNeverDelivered("big-1");
    }

    @Test
    void declaredSizeOverTheLimitIsRejectedWith552AtMailFrom() throws Exception {
        SmtpClient.Outcome o = SmtpClient.send(gateway.postfix().ports().smtpd(), "sender@outside.example",
                "user@customer.example", "SIZE=" + (Gateway.MAX_MESSAGE_SIZE * 3), "Subject: declared\n\nsmall\n");

        assertThat(o.stage()).isEqualTo("MAIL");
        assertThat(o.reply()).startsWith("552 5.3.4");
    }

    @Test
    void reinjectionListenerDeliversWithoutScanningAgain() {
        Swaks.Result sent = gateway.swaks().send(gateway.postfix().ports().reinject(), "released-1", "Released\n" + GTUBE + "\n");

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        SinkMessage delivered = awaitDelivered("released-1");
        assertThat(delivered.header("X-Moat-Status")).isEmpty();
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId("released-1"))).isEmpty();
    }

    private static SinkMessage awaitDelivered(String testId) {
        Waits.until("message " + testId + " at the sink", DELIVERY,
                () -> !gateway.sink().withTestId(testId).isEmpty(), gateway::diagnostics);
        List<SinkMessage> copies = gateway.sink().withTestId(testId);
        assertThat(copies).as("copies of " + testId).hasSize(1);
        return copies.getFirst();
    }

    /** A rejected message was never queued: the queue drains and the sink has no copy. */
    private static void assertNeverDelivered(String testId) {
        Waits.until("an empty queue", DELIVERY, gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        assertThat(gateway.sink().withTestId(testId)).isEmpty();
    }
}
