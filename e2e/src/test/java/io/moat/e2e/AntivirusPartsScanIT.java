// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed virus messages through a real Postfix with {@code antivirus.scan: parts}, where
 * Moat decodes every part itself and streams the exact bytes to clamd. The quoted-printable one is
 * the reason this class exists: in {@code message} mode (the default) clamd's own MIME decoder
 * hands its hash matcher the part plus one extra newline (ClamAV 1.4: the line break before the
 * closing boundary is kept), so a whole-file hash signature never matches and the message is
 * delivered; decoded by Moat it is refused.
 */
class AntivirusPartsScanIT {
    private static final String RCPT = "user@customer.example";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static ScanningGateway scanning;
    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        scanning = ScanningGateway.start(dir, "parts", "");
        gateway = scanning.gateway();
    }

    @AfterAll
    static void stopGateway() {
        if (scanning != null) {
            scanning.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom-quoted-printable", "custom-base64", "custom-in-zip-in-zip"})
    void committedVirusMessageIsRejectedWithItsSignature(String name) {
        String testId = "parts-" + name;
        String message = TestMessages.fromCorpus(testId, "crafted/virus/" + name + ".eml");

        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(RCPT), message);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_ERROR_AFTER_BODY);
        assertThat(sent.transcript()).contains("<** 550 5.7.1 Message rejected: it contains a virus");
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId(testId))).singleElement().asString()
                .contains(" reject virus ", " virus=" + ClamdInstance.CUSTOM_SIGNATURE);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        assertThat(gateway.sink().withTestId(testId)).isEmpty();
    }
}
