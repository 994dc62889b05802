// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Banned attachments through a real Postfix: a Windows executable renamed {@code .pdf}, alone or
 * inside nested zips, is refused with a reason the sender can read where the policy rejects
 * (the default), and held in the quarantine for a domain whose policy (set with the real {@code
 * moat policy set}) quarantines; a clean message with harmless attachments arrives unchanged.
 */
class BannedAttachmentIT {
    private static final String REJECTING = "user@customer.example";
    private static final String HOLDING_DOMAIN = "held.example";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static Gateway gateway;
    private static MoatCli moat;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(dir);
        moat = MoatCli.fromBuild();
        String config = gateway.config().toString();
        moat.ok("domain", "add", HOLDING_DOMAIN, "--config", config);
        moat.ok("policy", "set", HOLDING_DOMAIN, "action.banned", "quarantine", "--config", config);
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** The smallest file Tika takes for a Windows executable: an MZ header pointing at a PE signature. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = 0x40;
        exe[0x40] = 'P';
        exe[0x41] = 'E';
        exe[0x44] = 0x4c;
        exe[0x45] = 0x01;
        return exe;
    }

    /** invoice.pdf (really an .exe) in a zip in a zip. */
    static String exeRenamedPdfInNestedZip(String testId, String to) {
        byte[] inner = TestMessages.zip("invoice.pdf", windowsExecutable());
        byte[] outer = TestMessages.zip("2026/invoices.zip", inner);
        return TestMessages.withAttachment(testId, to, "invoices.zip", "application/zip", outer);
    }

    static Stream<Arguments> bannedMessages() {
        return Stream.of(
                Arguments.of("exe-pdf-nested-zip", exeRenamedPdfInNestedZip("exe-pdf-nested-zip", REJECTING), "invoice.pdf"),
                Arguments.of("exe-renamed-pdf", TestMessages.fromCorpus("exe-renamed-pdf", "crafted/banned/exe-renamed-pdf.eml"),
                        "invoice.pdf"),
                Arguments.of("exe-in-nested-zip", TestMessages.fromCorpus("exe-in-nested-zip",
                        "crafted/banned/exe-in-nested-zip.eml"), "viewer.dat"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bannedMessages")
    void bannedFileIsRejectedWithTheReasonAndNeverDelivered(String testId, String message, String partName) {
        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(REJECTING), message);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_ERROR_AFTER_BODY);
        assertThat(sent.transcript()).contains("<** 550 5.7.1 Message rejected: it contains a banned file type");
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId(testId))).singleElement().asString()
                .contains(" reject banned ", "BANNED_TYPE");
        assertThat(moat.messageLog(gateway.config(), Swaks.messageId(testId), 1))
                .contains("\"classification\" : \"banned\"", "\"destination\" : \"rejected\"", "BANNED_TYPE: ", partName);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        assertThat(gateway.sink().withTestId(testId)).isEmpty();
    }

    @Test
    void bannedFileForADomainThatQuarantinesIsAcceptedAndHeldWithTheReason() {
        String rcpt = "user@" + HOLDING_DOMAIN;
        String testId = "exe-pdf-held";

        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(rcpt),
                exeRenamedPdfInNestedZip(testId, rcpt));

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        assertThat(gateway.sink().withTestId(testId)).as("delivered").isEmpty();
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId(testId))).singleElement().asString()
                .contains(" quarantine banned ", "BANNED_TYPE");
        assertThat(moat.quarantineFor(gateway.config(), rcpt))
                .contains(Swaks.messageId(testId), "\"classification\" : \"banned\"", "BANNED_TYPE");
    }

    @Test
    void cleanMessageWithHarmlessAttachmentsArrivesWithItsBodyUnchanged() {
        String testId = "pdf-png-zip";
        String message = TestMessages.fromCorpus(testId, "crafted/clean/pdf-png-zip.eml");

        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(REJECTING), message);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        Waits.until("the message at the sink", Duration.ofSeconds(30),
                () -> !gateway.sink().withTestId(testId).isEmpty(), gateway::diagnostics);
        List<SinkMessage> copies = gateway.sink().withTestId(testId);
        assertThat(copies).hasSize(1);
        assertThat(copies.getFirst().header("X-Moat-Status")).singleElement().asString().startsWith("deliver; class=clean");
        assertThat(copies.getFirst().body().strip()).isEqualTo(message.substring(message.indexOf("\n\n") + 2).strip());
    }
}
