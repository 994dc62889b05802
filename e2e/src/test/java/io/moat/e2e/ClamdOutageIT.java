// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * as MTAs do) while a virus sent meanwhile is refused on its retry. A domain that chose fail-open
 * gets its mail unscanned meanwhile, but only when it is the message's only kind of recipient;
 * both outcomes are counted on the metrics endpoint.
 */
class ClamdOutageIT {
    private static final String RCPT = "user@customer.example";
    /** A domain whose config says {@code antivirus-fail-open: true}. */
    private static final String FAIL_OPEN = "user@open.example";
    private static final int OUTAGE_MESSAGES = 60;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static ScanningGateway scanning;
    private static ClamdInstance clamd;
    private static Gateway gateway;
    private static int metricsPort;

    @BeforeAll
    static void startGateway() {
        metricsPort = InstancePorts.freePort();
        scanning = ScanningGateway.start(dir, "message", """
                envelope:
                  domains:
                    open.example:
                      antivirus-fail-open: true
                metrics:
                  listen: 127.0.0.1:%d
                """.formatted(metricsPort));
        clamd = scanning.clamd();
        gateway = scanning.gateway();
    }

    @AfterAll
    static void stopGateway() {
        if (scanning != null) {
            scanning.close();
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
    void failOpenDomainGetsMailUnscannedWhileClamdIsDownUnlessAFailClosedRecipientSharesTheMessage() throws Exception {
        double openBefore = counter("moat_antivirus_fail_open_total");
        double closedBefore = counter("moat_antivirus_failed_closed_total");
        clamd.stop();
        Swaks.Result alone;
        Swaks.Result shared;
        try {
            alone = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(FAIL_OPEN),
                    TestMessages.plain("open-alone", FAIL_OPEN, "Unscanned, by the domain's choice."));
            shared = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(FAIL_OPEN, RCPT),
                    TestMessages.plain("open-shared", FAIL_OPEN, "Never unscanned for the other recipient."));
        } finally {
            clamd.restart();
        }

        assertThat(alone.exitCode()).as(alone.transcript()).isEqualTo(Swaks.EXIT_OK);
        assertThat(shared.transcript()).contains("<** 451 4.7.1 Virus scanner unavailable");
        Waits.until("the fail-open message at the sink", Duration.ofSeconds(30),
                () -> !gateway.sink().withTestId("open-alone").isEmpty(), gateway::diagnostics);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        SinkMessage copy = gateway.sink().withTestId("open-alone").getFirst();
        assertThat(copy.envelopeRecipients()).containsExactly(FAIL_OPEN);
        assertThat(copy.header("X-Spam-Status")).singleElement().asString().contains("AV_UNAVAILABLE");
        assertThat(gateway.sink().withTestId("open-shared")).isEmpty();
        assertThat(counter("moat_antivirus_fail_open_total") - openBefore).as("fail-open count").isEqualTo(1.0);
        assertThat(counter("moat_antivirus_failed_closed_total") - closedBefore).as("failed-closed count").isEqualTo(1.0);
    }

    /** One untagged counter from the daemon's Prometheus endpoint. */
    private static double counter(String name) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(name.length() + 1).strip()))
                    .orElseThrow(() -> new AssertionError(name + " not on the metrics endpoint:\n" + text));
        }
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
