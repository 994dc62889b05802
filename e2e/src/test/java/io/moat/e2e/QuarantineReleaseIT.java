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
 * The quarantine round trip through real Postfix: spam is quarantined (the sender hears 250,
 * nothing is delivered), {@code moat quarantine release} hands it to the reinjection listener
 * from postfix-conf/, and it reaches the customer's server exactly once without being scanned again.
 */
class QuarantineReleaseIT {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final Pattern FIRST_ID = Pattern.compile("\\\"id\\\"\\s*:\\s*(\\d+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static Gateway gateway;
    private static MoatCli moat;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(dir, Gateway.MilterSocket.INET, """
                verdict:
                  actions:
                    spam: quarantine
                """);
        moat = MoatCli.fromBuild();
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void quarantinedSpamIsReleasedThroughTheReinjectionListenerOnceAndUnscanned() {
        Swaks.Result sent = gateway.swaks().send(gateway.postfix().ports().smtpd(), "held-1", "Held\n" + GTUBE + "\n");

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        assertThat(gateway.sink().withTestId("held-1")).as("delivered before release").isEmpty();

        Exec.Result list = moat.run("quarantine", "list", "--config", gateway.config().toString(), "--json");
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains(Swaks.messageId("held-1"));
        Matcher id = FIRST_ID.matcher(list.output());
        assertThat(id.find()).as(list.output()).isTrue();

        Exec.Result release = moat.run("quarantine", "release", id.group(1), "--config", gateway.config().toString());
        assertThat(release.exitCode()).as(release.output()).isZero();

        Waits.until("the released message at the sink", Duration.ofSeconds(30),
                () -> !gateway.sink().withTestId("held-1").isEmpty(), gateway::diagnostics);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        List<SinkMessage> copies = gateway.sink().withTestId("held-1");
        assertThat(copies).as("copies delivered").hasSize(1);
        assertThat(copies.getFirst().header("X-Moat-Released")).isNotEmpty();
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId("held-1"))).as("scanned once, at the first pass")
                .singleElement().asString().contains(" quarantine spam ");
        assertThat(gateway.postfix().maillog()).contains("postfix/moat-reinject/smtpd");
    }
}
