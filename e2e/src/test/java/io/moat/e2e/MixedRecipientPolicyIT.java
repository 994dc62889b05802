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

/**
 * One SMTP transaction, two recipients whose policies differ, through a real Postfix: the
 * customer's server gets exactly one copy, addressed only to the recipient whose policy delivers
 * (Moat removes the other with DELRCPT), and the quarantine holds the other recipient's copy.
 * Policies: the config file tags spam by default; {@code held.example} quarantines spam (set with
 * the real {@code moat policy set}); {@code relay.example} is a pass-through domain.
 */
class MixedRecipientPolicyIT {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final String TAGGED = "user@tagged.example";
    private static final String HELD = "user@held.example";
    private static final String PASS_THROUGH = "user@relay.example";
    private static final String PROTECTED = "user@customer.example";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static Gateway gateway;
    private static MoatCli moat;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(dir, Gateway.MilterSocket.INET, """
                verdict:
                  subject-tag: "[SPAM]"
                  actions:
                    spam: tag
                envelope:
                  domains:
                    relay.example:
                      pass-through: true
                """);
        moat = MoatCli.fromBuild();
        String config = gateway.config().toString();
        moat.ok("domain", "add", "held.example", "--config", config);
        moat.ok("policy", "set", "held.example", "action.spam", "quarantine", "--config", config);
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void spamIsDeliveredTaggedToTheTaggingRecipientOnlyAndHeldForTheQuarantiningOne() {
        String testId = "mixed-spam";

        SinkMessage copy = sendAndAwaitTheOneCopy(testId, TestMessages.plain(testId, TAGGED, "Mixed\n" + GTUBE), TAGGED, HELD);

        assertThat(copy.envelopeRecipients()).containsExactly(TAGGED);
        assertThat(copy.header("X-Spam-Flag")).containsExactly("YES");
        assertThat(copy.header("X-Spam-Status")).singleElement().asString().startsWith("Yes, score=");
        assertThat(copy.header("Subject")).containsExactly("[SPAM] moat e2e " + testId);
        assertThat(moat.quarantineFor(gateway.config(), HELD)).contains(Swaks.messageId(testId), "\"classification\" : \"spam\"");
        assertThat(moat.quarantineFor(gateway.config(), TAGGED)).doesNotContain(Swaks.messageId(testId));
        String rows = moat.messageLog(gateway.config(), Swaks.messageId(testId), 2);
        assertFateLogged(testId, rows, TAGGED, " tag spam ", "tagged");
        assertFateLogged(testId, rows, HELD, " quarantine spam ", "quarantined");
    }

    @Test
    void bannedFileIsDeliveredToThePassThroughRecipientOnlyAndHeldForTheRejectingOne() {
        String testId = "mixed-banned";
        String message = BannedAttachmentIT.exeRenamedPdfInNestedZip(testId, PASS_THROUGH);

        SinkMessage copy = sendAndAwaitTheOneCopy(testId, message, PASS_THROUGH, PROTECTED);

        assertThat(copy.envelopeRecipients()).containsExactly(PASS_THROUGH);
        assertThat(moat.quarantineFor(gateway.config(), PROTECTED)).contains(Swaks.messageId(testId),
                "\"classification\" : \"banned\"", "BANNED_TYPE");
        assertThat(moat.quarantineFor(gateway.config(), PASS_THROUGH)).doesNotContain(Swaks.messageId(testId));
        String rows = moat.messageLog(gateway.config(), Swaks.messageId(testId), 2);
        assertFateLogged(testId, rows, PASS_THROUGH, " deliver banned ", "delivered");
        assertFateLogged(testId, rows, PROTECTED, " quarantine banned ", "quarantined");
    }

    /**
     * One gateway line per recipient's fate, and its row in the message log ({@code rows}, the
     * message's) says the same: a held recipient is logged as quarantined with the quarantine id,
     * never as rejected (the sender heard 250).
     */
    private static void assertFateLogged(String testId, String rows, String recipient, String gatewayAction, String destination) {
        boolean held = destination.equals("quarantined");
        assertThat(gateway.daemon().gatewayLines(Swaks.messageId(testId))).as("gateway lines")
                .filteredOn(l -> l.contains("<" + recipient + ">")).singleElement().asString()
                .contains(gatewayAction).satisfies(l -> assertThat(l.contains(" quarantine=")).isEqualTo(held));
        String key = "\"recipient\" : \"" + recipient + "\"";
        assertThat(rows).contains(key);
        String row = rows.substring(rows.indexOf(key));
        row = row.substring(0, row.indexOf('}'));
        assertThat(row).as(rows).contains("\"destination\" : \"" + destination + "\"");
        assertThat(row.matches("(?s).*\"quarantineId\" : \\d+.*")).as(row).isEqualTo(held);
    }

    /** Sends one message to both recipients in one transaction; exactly one copy must reach the sink. */
    private static SinkMessage sendAndAwaitTheOneCopy(String testId, String message, String... recipients) {
        Swaks.Result sent = gateway.swaks().sendMessage(gateway.postfix().ports().smtpd(), List.of(recipients), message);

        assertThat(sent.exitCode()).as(sent.transcript()).isEqualTo(Swaks.EXIT_OK);
        Waits.until("the message at the sink", Duration.ofSeconds(30),
                () -> !gateway.sink().withTestId(testId).isEmpty(), gateway::diagnostics);
        Waits.until("an empty queue", Duration.ofSeconds(30), gateway.postfix()::queueIsEmpty, gateway::diagnostics);
        List<SinkMessage> copies = gateway.sink().withTestId(testId);
        assertThat(copies).as("copies at the sink").hasSize(1);
        return copies.getFirst();
    }
}
