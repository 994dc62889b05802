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
 * The "nothing is lost" promise when the daemon goes away: it is stopped while Postfix is busy
 * with a stream of messages, Postfix tempfails (milter_default_action = tempfail) until it is
 * back, the senders retry as real MTAs do, and in the end every message reaches the sink exactly
 * once, and every copy that arrived went through Moat.
 */
class MilterOutageIT {
    private static final int MESSAGES = 200;

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
    void milterKilledMidLoadTempfailsThenEveryMessageIsDeliveredExactlyOnce() throws Exception {
        LoadRun load = runWithOutage("kill", () -> gateway.daemon().kill());

        assertEveryMessageDeliveredOnceThroughMoat(load, "kill-");
    }

    @Test
    void milterStoppedGracefullyMidLoadTempfailsThenEveryMessageIsDeliveredExactlyOnce() throws Exception {
        LoadRun load = runWithOutage("term", () -> gateway.daemon().stop());

        assertEveryMessageDeliveredOnceThroughMoat(load, "term-");
    }

    /** Sends the messages, stops the daemon once a quarter are in, restarts it after senders saw 4xx. */
    private static LoadRun runWithOutage(String prefix, Runnable outage) throws InterruptedException {
        LoadRun load = new LoadRun(gateway.postfix().ports().smtpd(), prefix, MESSAGES, 4);
        load.start();
        Waits.until("a quarter of the messages accepted", Duration.ofSeconds(60),
                () -> load.accepted() >= MESSAGES / 4, () -> load.summary() + gateway.diagnostics());
        outage.run();
        Waits.until("senders told to try again later", Duration.ofSeconds(30),
                () -> load.tempfailed() >= 10, () -> load.summary() + gateway.diagnostics());
        gateway.daemon().start();
        load.awaitAllAccepted(Duration.ofSeconds(120));
        gateway.postfix().flush();
        Waits.until("an empty queue", Duration.ofSeconds(60), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        System.out.println("moat-e2e: " + prefix + ": " + load.summary());
        return load;
    }

    private static void assertEveryMessageDeliveredOnceThroughMoat(LoadRun load, String idPrefix) {
        Waits.until(MESSAGES + " messages at the sink", Duration.ofSeconds(30),
                () -> delivered(idPrefix).size() >= MESSAGES, gateway::diagnostics);
        assertThat(load.rejected()).as("5xx replies").isEmpty();
        assertThat(load.tempfailed()).as("4xx replies while the milter was down").isPositive();
        assertThat(load.tempfailReplies()).as("milter_default_action = tempfail replies")
                .allSatisfy(r -> assertThat(r).startsWith("451 4.7.1"));
        List<SinkMessage> delivered = delivered(idPrefix);
        Map<String, Long> copies = delivered.stream()
                .flatMap(m -> m.header("X-Test-Id").stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).as("delivered ids").containsExactlyInAnyOrderElementsOf(load.ids());
        assertThat(copies).as("copies per id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(delivered).as("every delivered copy passed through Moat")
                .allSatisfy(m -> assertThat(m.header("X-Moat-Status")).hasSize(1));
    }

    private static List<SinkMessage> delivered(String idPrefix) {
        return gateway.sink().messages().stream()
                .filter(m -> m.header("X-Test-Id").stream().anyMatch(id -> id.startsWith(idPrefix)))
                .toList();
    }
}
