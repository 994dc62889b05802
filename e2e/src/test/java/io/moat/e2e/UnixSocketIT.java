// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The low-latency alternative from docs/postfix.md: Postfix reaches Moat over a unix socket. */
class UnixSocketIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(dir, Gateway.MilterSocket.UNIX, "");
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void postfixUsesTheUnixSocketAndMailArrivesWithTheTraceHeader() {
        assertThat(gateway.postfix().postconf("-h", "smtpd_milters").output().strip()).startsWith("unix:");

        Swaks.Result sent = gateway.swaks().send(gateway.postfix().ports().smtpd(), "unix-1", "Over the unix socket.");

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        Waits.until("message unix-1 at the sink", Duration.ofSeconds(30),
                () -> !gateway.sink().withTestId("unix-1").isEmpty(), gateway::diagnostics);
        List<SinkMessage> copies = gateway.sink().withTestId("unix-1");
        assertThat(copies).singleElement().satisfies(m ->
                assertThat(m.header("X-Moat-Status")).singleElement().asString().startsWith("deliver; class=clean"));
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId("unix-1"))).singleElement().asString()
                .contains(" deliver clean ");
    }
}
