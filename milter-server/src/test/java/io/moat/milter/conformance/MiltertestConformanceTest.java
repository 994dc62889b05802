// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.moat.milter.record.GatewayLogLine;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import io.moat.store.PolicyKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's miltertest, an independent milter client, drives the daemon through the Lua scripts
 * in {@code src/it/miltertest}; each test checks that the script passed and what the daemon
 * recorded of every message (the values of the gateway log line). Six daemons run: one on
 * the embedded defaults, one deferring clean and oversized mail, one with a 100000-byte limit,
 * one on a SQLite store quarantining spam and dropping oversized mail, one tagging spam, and
 * one spooling bodies over 64 KiB to disk.
 */
class MiltertestConformanceTest {
    @TempDir
    static Path dir;

    private static RecordingDaemon defaults;
    private static RecordingDaemon tempfail;
    private static RecordingDaemon limit;
    private static RecordingDaemon hold;
    private static RecordingDaemon tag;
    private static RecordingDaemon spool;

    @BeforeAll
    static void startDaemons() throws Exception {
        Miltertest.requireInstalled();
        defaults = RecordingDaemon.start(Files.createDirectory(dir.resolve("d")), "");
        tempfail = RecordingDaemon.start(Files.createDirectory(dir.resolve("t")),
                "verdict:\n  actions:\n    clean: tempfail\n    oversized: tempfail\n");
        limit = RecordingDaemon.start(Files.createDirectory(dir.resolve("l")), "limits:\n  max-message-size: 100000\n");
        hold = RecordingDaemon.startWithStore(Files.createDirectory(dir.resolve("h")),
                "verdict:\n  actions:\n    spam: quarantine\n    oversized: drop\nlimits:\n  max-message-size: 100000\n");
        tag = RecordingDaemon.start(Files.createDirectory(dir.resolve("g")),
                "verdict:\n  subject-tag: \"[SPAM]\"\n  actions:\n    spam: tag\n");
        spool = RecordingDaemon.start(Files.createDirectory(dir.resolve("s")),
                "limits:\n  memory-buffer: 65536\n  spool-directory: " + dir.resolve("s").resolve("spool") + "\n");
    }

    @AfterAll
    static void stopDaemons() {
        for (RecordingDaemon d : new RecordingDaemon[] {defaults, tempfail, limit, hold, tag, spool}) {
            if (d != null) {
                d.close();
            }
        }
    }

    @BeforeEach
    void forgetEarlierMessages() {
        for (RecordingDaemon d : new RecordingDaemon[] {defaults, tempfail, limit, hold, tag, spool}) {
            d.forget();
        }
    }

    @Test
    void negotiatesVersionsTwoToSixAndOnlyWhatTheMtaOffers() {
        passes("negotiate", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::subject)
                .containsExactly("test", "version 2", "version 3", "version 4", "version 5");
        assertThat(defaults.records()).allSatisfy(r -> assertThat(r.action()).isEqualTo("deliver"));
    }

    @Test
    void answersEveryStageAndAddsTheTraceHeaderAtEndOfMessage() {
        passes("stages", defaults.inet());
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
        passes("forged", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::queueId, MessageRecord::action)
                .containsExactly(tuple("FRG001", "deliver"), tuple("FRG002", "deliver"));
    }

    @Test
    void rejectsGtubeWithReplyCode550() {
        passes("reject", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::queueId).containsExactly("REJ001", "REJ002");
        assertThat(defaults.records()).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("reject");
            assertThat(r.classification()).isEqualTo(Classification.SPAM);
            assertThat(r.findings()).extracting(Finding::symbol).contains("GTUBE");
        });
    }

    @Test
    void defersWithReplyCode451WhenPolicySaysTempfail() {
        passes("tempfail", tempfail.inet());
        assertThat(tempfail.records()).extracting(MessageRecord::queueId, MessageRecord::action, MessageRecord::classification)
                .containsExactly(
                        tuple("TMP001", "tempfail", Classification.CLEAN),
                        tuple("TMP002", "tempfail", Classification.OVERSIZED));
    }

    @Test
    void refusesDeclaredSizeAtMailAndSkipsBodyPastTheLimit() {
        passes("size", limit.inet());
        List<MessageRecord> rs = limit.records();
        assertThat(rs).extracting(MessageRecord::sender)
                .containsExactly("alice@example.org", "big@example.org", "after@example.org", "grower@example.org");
        MessageRecord refused = rs.get(1);
        assertThat(refused.action()).isEqualTo("reject");
        assertThat(refused.classification()).isEqualTo(Classification.OVERSIZED);
        assertThat(refused.findings()).extracting(Finding::symbol).containsExactly("SIZE_DECLARED_OVER_LIMIT");
        assertThat(refused.queueId()).as("no queue id at MAIL, and none left from SIZ000").isEmpty();
        assertThat(rs.get(2).action()).isEqualTo("deliver");
        MessageRecord grown = rs.get(3);
        assertThat(grown.action()).isEqualTo("reject");
        assertThat(grown.classification()).isEqualTo(Classification.OVERSIZED);
        assertThat(grown.size()).isGreaterThan(100000);
    }

    @Test
    void takesConnectInfoFromIpv6AndUnknownFamilyClients() {
        passes("ipv6", defaults.inet());
        assertThat(defaults.records()).extracting(MessageRecord::queueId, MessageRecord::clientAddress)
                .containsExactly(
                        tuple("V6A001", "2001:db8::25"),
                        tuple("UNK001", "unknown"));
    }

    @Test
    void servesMilterClientsOnTheUnixSocket() {
        passes("unix", defaults.unix());
        assertThat(defaults.records()).extracting(MessageRecord::queueId, MessageRecord::action)
                .containsExactly(
                        tuple("UNX001", "deliver"),
                        tuple("UNX002", "reject"));
    }

    @Test
    void keepsNoQueueIdOrEnvelopeFromOneMessageToTheNext() {
        passes("abort", defaults.inet());
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
        passes("recipients", defaults.inet());
        List<MessageRecord> rs = defaults.records();
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).recipients()).containsExactly(
                "r1@example.net", "r2@example.net", "r3@example.com", "r4@example.com", "r5@example.org");
        assertThat(rs.get(1).recipients()).containsExactly("s1@example.net", "s2@example.net");
        assertThat(GatewayLogLine.format(rs.get(1))).contains(" <s1@example.net>,<s2@example.net> ");
    }

    @Test
    void readsBodiesLargerThanOneChunk() {
        passes("body", defaults.inet());
        List<MessageRecord> rs = defaults.records();
        assertThat(rs).extracting(MessageRecord::queueId, MessageRecord::action).containsExactly(
                tuple("BIG001", "deliver"),
                tuple("BIG002", "reject"));
        // 200000 body bytes plus a few header fields and the blank line.
        assertThat(rs).allSatisfy(r -> assertThat(r.size()).isBetween(200_000L, 200_500L));
    }

    @Test
    void quarantinesOrDropsWhenPolicySaysSo() {
        passes("hold", hold.inet());
        assertThat(hold.records()).extracting(MessageRecord::queueId, MessageRecord::action, MessageRecord::classification)
                .containsExactly(
                        tuple("HLD001", "quarantine", Classification.SPAM),
                        tuple("HLD002", "drop", Classification.OVERSIZED),
                        tuple("HLD003", "drop", Classification.OVERSIZED));
        assertThat(hold.quarantinedQueueIds()).as("kept in Moat's quarantine before DISCARD").containsExactly("HLD001");
    }

    @Test
    void removesRecipientsWhosePolicyDiffersAndKeepsTheirCopy() {
        hold.setDomainPolicy("example.com", PolicyKey.ACTION_SPAM, "tag");
        passes("split", hold.inet());
        // One log line per outcome: delivered tagged to ann, kept in the quarantine for bob.
        assertThat(hold.records()).extracting(MessageRecord::queueId, MessageRecord::action, MessageRecord::recipients)
                .containsExactly(
                        tuple("SPL001", "tag", List.of("ann@example.com")),
                        tuple("SPL001", "quarantine", List.of("bob@example.org")));
        assertThat(hold.quarantinedQueueIds()).contains("SPL001");
    }

    @Test
    void tagsSpamByChangingOrAddingTheSubjectWithTheActionsGranted() {
        passes("tag", tag.inet());
        assertThat(tag.records()).extracting(MessageRecord::queueId, MessageRecord::action, MessageRecord::classification)
                .containsExactly(tuple("TAG001", "tag", Classification.SPAM), tuple("TAG002", "tag", Classification.SPAM),
                        tuple("TAG003", "tag", Classification.SPAM), tuple("TAG004", "tag", Classification.SPAM));
    }

    @Test
    void spoolsLargeBodiesAndLeavesNoFileBehind() throws Exception {
        passes("spool", spool.inet());
        assertThat(spool.records()).extracting(MessageRecord::queueId, MessageRecord::action)
                .containsExactly(tuple("SPO001", "reject"));
        Path spoolDir = dir.resolve("s").resolve("spool");
        assertThat(spoolDir).as("bodies were spooled").isDirectory();
        long end = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end && spoolFiles(spoolDir) > 0) {
            Thread.sleep(20);
        }
        assertThat(spoolFiles(spoolDir)).as("spool files left in %s", spoolDir).isZero();
    }

    private static long spoolFiles(Path d) throws java.io.IOException {
        try (var files = Files.list(d)) {
            return files.count();
        }
    }

    private static void passes(String script, String socket) {
        Miltertest.Run run = Miltertest.run(script, socket);
        assertThat(run.passed()).as("miltertest %s.lua against %s exited %d:%n%s", script, socket, run.exitCode(), run.output())
                .isTrue();
    }
}
