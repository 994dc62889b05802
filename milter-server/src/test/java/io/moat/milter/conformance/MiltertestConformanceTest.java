// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import static io.moat.milter.conformance.Miltertest.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.moat.milter.record.GatewayLogLine;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's miltertest, an independent milter client, drives the daemon on its embedded defaults
 * through the protocol scripts in {@code src/it/miltertest}: negotiation, every stage, reject,
 * IPv6 and unix-socket clients, ABORT and connection reuse, recipients, large bodies and forged
 * status headers. Each test checks that the script passed and what the daemon recorded of every
 * message (the values of the gateway log line). The policy scripts are in
 * {@link MiltertestPolicyTest}.
 */
class MiltertestConformanceTest {
    @TempDir
    static Path dir;

    private static RecordingDaemon defaults;

    @BeforeAll
    static void startDaemon() throws Exception {
        Miltertest.requireInstalled();
        defaults = RecordingDaemon.start(dir, "");
    }

    @AfterAll
    static void stopDaemon() {
        if (defaults != null) {
            defaults.close();
        }
    }

    @BeforeEach
    void forgetEarlierMessages() {
        defaults.forget();
    }

    @Test
    void negotiatesVersionsTwoToSixAndOnlyWhatTheMtaOffers() {
        assertPasses("negotiate", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::subject)
                .containsExactly("test", "version 2", "version 3", "version 4", "version 5");
        assertThat(defaults.records()).allSatisfy(r -> assertThat(r.action()).isEqualTo("deliver"));
    }

    @Test
    void answersEveryStageAndAddsTheTraceHeaderAtEndOfMessage() {
        assertPasses("stages", defaults.inet());
        List<MessageRecord> rs = defaults.records();
        assertThat(rs).hasSize(2);
        MessageRecord first = rs.get(0);
        assertThat(first.action()).isEqualTo("deliver");
        assertThat(first.classification()).isEqualTo(Classification.CLEAN);
        assertThat(first.sender()).isEqualTo("alice@example.org");
        assertThat(first.recipients()).containsExactly("bob@example.net");
        // miltertest sends header values with the leading space once HDR_LEADSPC is agreed.
        assertThat(first.subject()).isEqualTo("stages");
        assertThat(first.messageId()).isEqualTo("<stages-1@example.org>");
        assertThat(first.queueId()).isEqualTo("STG001");
        assertThat(first.clientAddress()).isEqualTo("192.0.2.7");
        assertThat(rs.get(1)).extracting(MessageRecord::sender, MessageRecord::queueId, MessageRecord::messageId)
                .containsExactly("carol@example.org", "STG002", "<STG002@example.org>");
    }

    @Test
    void deletesStatusHeadersTheSenderForged() {
        assertPasses("forged", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::queueId, MessageRecord::action)
                .containsExactly(tuple("FRG001", "deliver"), tuple("FRG002", "deliver"));
    }

    @Test
    void rejectsGtubeWithReplyCode550() {
        assertPasses("reject", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::queueId).containsExactly("REJ001", "REJ002");
        assertThat(defaults.records()).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("reject");
            assertThat(r.classification()).isEqualTo(Classification.SPAM);
            assertThat(r.findings()).extracting(Finding::symbol).contains("GTUBE");
        });
    }

    @Test
    void takesConnectInfoFromIpv6AndUnknownFamilyClients() {
        assertPasses("ipv6", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::queueId, MessageRecord::clientAddress)
                .containsExactly(
                        tuple("V6A001", "2001:db8::25"),
                        tuple("UNK001", "unknown"));
    }

    @Test
    void servesMilterClientsOnTheUnixSocket() {
        assertPasses("unix", defaults.unix());
        assertThat(defaults.records()).extracting(MessageRecord::queueId, MessageRecord::action)
                .containsExactly(
                        tuple("UNX001", "deliver"),
                        tuple("UNX002", "reject"));
    }

    @Test
    void keepsNoQueueIdOrEnvelopeFromOneMessageToTheNext() {
        assertPasses("abort", defaults.inet());
        List<MessageRecord> rs = defaults.records();
        assertThat(rs).as("the aborted message is not logged").extracting(MessageRecord::sender)
                .containsExactly("first@example.org", "third@example.org", "fourth@example.org");
        List<String> lines = rs.stream().map(GatewayLogLine::format).toList();
        assertThat(lines.get(0)).contains(" <first@example.org> <one@example.net> \"first\" ", " ABT001 client=");
        assertThat(lines.get(1)).contains(" <third@example.org> <three@example.net> \"third\" ", " ABT003 client=");
        assertThat(lines.get(2)).contains(" <fourth@example.org> <four@example.net> \"fourth\" ", " - client=");
        assertThat(String.join("\n", lines)).doesNotContain("ABT002", "second@example.org");
    }

    @Test
    void keepsEveryRecipientOfAMessage() {
        assertPasses("recipients", defaults.inet());
        List<MessageRecord> rs = defaults.records();
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).recipients()).containsExactly(
                "r1@example.net", "r2@example.net", "r3@example.com", "r4@example.com", "r5@example.org");
        assertThat(rs.get(1).recipients()).containsExactly("s1@example.net", "s2@example.net");
        assertThat(GatewayLogLine.format(rs.get(1))).contains(" <s1@example.net>,<s2@example.net> ");
    }

    @Test
    void readsBodiesLargerThanOneChunk() {
        assertPasses("body", defaults.inet());
        List<MessageRecord> rs = defaults.records();
        assertThat(rs).extracting(MessageRecord::queueId, MessageRecord::action).containsExactly(
                tuple("BIG001", "deliver"),
                tuple("BIG002", "reject"));
        // 200000 body bytes plus a few header fields and the blank line.
        assertThat(rs).allSatisfy(r -> assertThat(r.size()).isBetween(200_000L, 200_500L));
    }
}
