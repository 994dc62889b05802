// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The antivirus engine failing under a real Postfix, fail-closed (the default): when clamd hangs
 * or goes away in the middle of a stream of mail, Postfix tempfails, nothing reaches the customer
 * unscanned, and once clamd answers again every message arrives exactly once (the senders retry,
 * as MTAs do) while a virus sent meanwhile is refused on its retry.
 */
class ClamdOutageIT {
    private static final String RCPT = "user@customer.example";
    private static final int OUTAGE_MESSAGES = 60;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static ClamdInstance clamd;
    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        Prerequisites.requireRoot();
        clamd = ClamdInstance.start(dir);
        gateway = Gateway.start(dir, Gateway.MilterSocket.INET, clamd.antivirusConfig("message"));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    @Test
    void hungClamdTempfailsWithinTheScanTimeoutAndOnceItAnswersTheRetryIsDeliveredOnce() {
        String testId = "clamd-hung";
        String message = TestMessages.plain(testId, RCPT, "Scanned when clamd answers again.");
        clamd.hang();
        Swaks.Result whileHung;
        long started = System.nanoTime();
        try {
            whileHung = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(RCPT), message);
        } finally {
            clamd.resume();
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(whileHung.transcript()).contains("<** 451 4.7.1 Virus scanner unavailable");
        assertThat(waited).as("the sender's wait").isGreaterThanOrEqualTo(ClamdInstance.SCAN_TIMEOUT)
                .isLessThan(ClamdInstance.SCAN_TIMEOUT.plusSeconds(10));
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId(testId))).singleElement().asString()
                .contains(" tempfail ", "AV_UNAVAILABLE");

        Swaks.Result retried = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(RCPT), message);

        assertThat(retried.exitCode()).as(retried.transcript()).isEqualTo(Swaks.EXIT_OK);
        Waits.until("the message at the sink", Duration.ofSeconds(30),
                () -> !gateway.sink().withTestId(testId).isEmpty(), gateway::diagnostics);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        assertThat(gateway.sink().withTestId(testId)).hasSize(1);
    }

    @Test
    void clamdStoppedMidRunTempfailsAndOnceBackEveryMessageIsScannedAndDeliveredExactlyOnce() throws Exception {
        LoadRun load = new LoadRun(gateway.postfix().ports().smtpd(), "avdown", OUTAGE_MESSAGES, 4);
        String eicarId = "avdown-eicar";
        String eicar = TestMessages.withAttachment(eicarId, RCPT, "eicar.com", "application/octet-stream", ClamdInstance.eicar());
        load.start();
        Waits.until("a quarter of the messages accepted", Duration.ofSeconds(60),
                () -> load.accepted() >= OUTAGE_MESSAGES / 4, () -> load.summary() + gateway.diagnostics());
        clamd.stop();
        Swaks.Result whileDown;
        try {
            Waits.until("senders told to try again later", Duration.ofSeconds(30),
                    () -> load.tempfailed() >= 10, () -> load.summary() + gateway.diagnostics());
            whileDown = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(RCPT), eicar);
        } finally {
            clamd.restart();
        }
        load.awaitAllAccepted(Duration.ofSeconds(120));
        Swaks.Result retried = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(RCPT), eicar);
        gateway.postfix().flush();
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        System.out.println("moat-e2e: clamd outage: " + load.summary());

        assertThat(whileDown.transcript()).as("EICAR while clamd is down")
                .contains("<** 451 4.7.1 Virus scanner unavailable");
        assertThat(retried.transcript()).as("EICAR retried once clamd is back").contains("<** 550 5.7.1");
        assertThat(gateway.sink().withTestId(eicarId)).isEmpty();
        assertThat(load.rejected()).as("5xx replies").isEmpty();
        assertThat(load.tempfailReplies()).as("replies while clamd was down")
                .isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("451 4.7.1"));
        assertEveryMessageDeliveredOnceAfterAScan(load);
    }

    private static void assertEveryMessageDeliveredOnceAfterAScan(LoadRun load) {
        Waits.until(OUTAGE_MESSAGES + " messages at the sink", Duration.ofSeconds(30),
                () -> delivered("avdown-").size() >= OUTAGE_MESSAGES, gateway::diagnostics);
        List<SinkMessage> delivered = delivered("avdown-");
        Map<String, Long> copies = delivered.stream().flatMap(m -> m.header("X-Test-Id").stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).as("delivered ids").containsExactlyInAnyOrderElementsOf(load.ids());
        assertThat(copies).as("copies per id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        List<String> lines = gateway.daemon().stdoutLines().stream().filter(l -> l.contains("<avdown-")).toList();
        assertThat(lines).as("gateway lines of messages that went on although clamd did not answer")
                .noneMatch(l -> l.contains("AV_UNAVAILABLE") && !l.contains(" tempfail "));
        assertThat(lines).as("messages tempfailed because clamd was down").anyMatch(l -> l.contains(" tempfail ")
                && l.contains("AV_UNAVAILABLE"));
        for (String id : load.ids()) {
            assertThat(gateway.daemon().gatewayLines(Swaks.messageId(id))).as(id)
                    .filteredOn(l -> l.contains(" deliver ")).hasSize(1);
        }
    }


    private static List<SinkMessage> delivered(String idPrefix) {
        return gateway.sink().messages().stream()
                .filter(m -> m.header("X-Test-Id").stream().anyMatch(id -> id.startsWith(idPrefix)))
                .toList();
    }
}
