// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "nothing is lost" promise under a crash: the daemon is SIGKILLed while Postfix is busy
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
        LoadRun load = new LoadRun(gateway.postfix().ports().smtpd(), MESSAGES, 4);
        load.start();

        Waits.until("a quarter of the messages accepted", Duration.ofSeconds(60),
                () -> load.accepted() >= MESSAGES / 4, () -> load.summary() + gateway.diagnostics());
        gateway.daemon().kill();
        Waits.until("senders told to try again later", Duration.ofSeconds(30),
                () -> load.tempfailed() >= 10, () -> load.summary() + gateway.diagnostics());
        gateway.daemon().start();
        load.awaitAllAccepted(Duration.ofSeconds(120));

        gateway.postfix().flush();
        Waits.until("an empty queue", Duration.ofSeconds(60), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        Waits.until(MESSAGES + " messages at the sink", Duration.ofSeconds(30),
                () -> gateway.sink().messages().size() >= MESSAGES, gateway::diagnostics);

        assertThat(load.rejected()).as("5xx replies").isEmpty();
        assertThat(load.tempfailed()).as("4xx replies while the milter was down").isPositive();
        assertThat(load.tempfailReplies()).as("milter_default_action = tempfail replies")
                .allSatisfy(r -> assertThat(r).startsWith("451 4.7.1"));
        Map<String, Long> copies = gateway.sink().messages().stream()
                .flatMap(m -> m.header("X-Test-Id").stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).as("delivered ids").containsExactlyInAnyOrderElementsOf(load.ids());
        assertThat(copies).as("copies per id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(gateway.sink().messages()).as("every delivered copy passed through Moat")
                .allSatisfy(m -> assertThat(m.header("X-Moat-Status")).hasSize(1));
        System.out.println("moat-e2e: " + load.summary());
    }
}
