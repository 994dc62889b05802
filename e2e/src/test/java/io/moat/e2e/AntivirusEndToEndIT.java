// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Viruses through a real Postfix, with a real clamd (Debian's clamav-daemon, our own signature
 * database) as the daemon's antivirus engine: infected mail is refused at end of data and never
 * delivered, the signature lands in the message log; a domain whose policy (set with the real
 * {@code moat policy set}) quarantines viruses gets them held, one that delivers them gets them with
 * {@code X-Moat-Virus}. A clamd that is down or hung: {@link ClamdOutageIT}.
 */
class AntivirusEndToEndIT {
    private static final String RCPT = "user@customer.example";
    private static final String HOLDING = "user@held.example";
    private static final String DELIVERING = "user@lab.example";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static ScanningGateway scanning;
    private static Gateway gateway;
    private static MoatCli moat;

    @BeforeAll
    static void startGateway() {
        scanning = ScanningGateway.start(dir, "message", "");
        gateway = scanning.gateway();
        moat = MoatCli.fromBuild();
        String config = gateway.config().toString();
        moat.ok("domain", "add", "held.example", "--config", config);
        moat.ok("policy", "set", "held.example", "action.virus", "quarantine", "--config", config);
        moat.ok("domain", "add", "lab.example", "--config", config);
        moat.ok("policy", "set", "lab.example", "action.virus", "deliver", "--config", config);
    }

    @AfterAll
    static void stopGateway() {
        if (scanning != null) {
            scanning.close();
        }
    }

    static Stream<Arguments> infectedMessages() {
        byte[] eicar = ClamdInstance.eicar();
        String eicarText = new String(eicar, StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("eicar-plain", TestMessages.plain("eicar-plain", RCPT, eicarText), ClamdInstance.EICAR_SIGNATURE),
                Arguments.of("eicar-base64", TestMessages.withAttachment("eicar-base64", RCPT, "eicar.com",
                        "application/octet-stream", eicar), ClamdInstance.EICAR_SIGNATURE),
                Arguments.of("eicar-zip", TestMessages.withAttachment("eicar-zip", RCPT, "eicar.zip",
                        "application/zip", TestMessages.zip("eicar.com", eicar)), ClamdInstance.EICAR_SIGNATURE),
                Arguments.of("custom-base64", TestMessages.fromCorpus("custom-base64",
                        "crafted/virus/custom-base64.eml"), ClamdInstance.CUSTOM_SIGNATURE),
                Arguments.of("custom-zip-in-zip", TestMessages.fromCorpus("custom-zip-in-zip",
                        "crafted/virus/custom-in-zip-in-zip.eml"), ClamdInstance.CUSTOM_SIGNATURE));
        // Not here: crafted/virus/custom-quoted-printable.eml, which clamd misses in this (default) scan
        // mode; AntivirusPartsScanIT has it.
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infectedMessages")
    void infectedMailIsRejectedAtEndOfDataNeverDeliveredAndLoggedWithItsSignature(String testId, String message,
            String signature) {
        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(RCPT), message);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_ERROR_AFTER_BODY);
        assertThat(sent.transcript()).contains("<** 550 5.7.1 Message rejected: it contains a virus (" + signature);
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId(testId))).singleElement().asString()
                .contains(" reject virus ", "AV_INFECTED", " virus=" + signature);
        assertThat(moat.messageLog(gateway.config(), Swaks.messageId(testId), 1)).contains("\"classification\" : \"virus\"", "\"destination\" : \"rejected\"",
                "AV_INFECTED: " + signature);
        assertNeverDelivered(testId);
    }

    @Test
    void virusForADomainThatQuarantinesVirusesIsAcceptedAndHeldWithItsSignature() {
        String testId = "eicar-held";
        String message = TestMessages.withAttachment(testId, HOLDING, "eicar.zip", "application/zip",
                TestMessages.zip("eicar.com", ClamdInstance.eicar()));

        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(HOLDING), message);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        assertNeverDelivered(testId);
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId(testId))).singleElement().asString()
                .contains(" quarantine virus ", " quarantine=", " virus=" + ClamdInstance.EICAR_SIGNATURE);
        assertThat(moat.quarantineFor(gateway.config(), HOLDING))
                .contains(Swaks.messageId(testId), "\"classification\" : \"virus\"", ClamdInstance.EICAR_SIGNATURE);
    }

    @Test
    void virusForADomainThatDeliversVirusesArrivesWithTheSignatureInXMoatVirus() {
        String testId = "eicar-delivered";
        String message = TestMessages.withAttachment(testId, DELIVERING, "eicar.com", "application/octet-stream",
                ClamdInstance.eicar());

        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(DELIVERING), message);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        Waits.until("the message at the sink", Duration.ofSeconds(30),
                () -> !gateway.sink().withTestId(testId).isEmpty(), gateway::diagnostics);
        SinkMessage copy = gateway.sink().withTestId(testId).getFirst();
        assertThat(copy.header("X-Moat-Virus")).containsExactly(ClamdInstance.EICAR_SIGNATURE);
        assertThat(copy.header("X-Moat-Status")).singleElement().asString().startsWith("deliver; class=virus");
    }

    private static void assertNeverDelivered(String testId) {
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        assertThat(gateway.sink().withTestId(testId)).isEmpty();
    }
}
