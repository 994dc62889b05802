// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import static io.moat.milter.conformance.Miltertest.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
 * miltertest against daemons configured for each policy outcome: tempfail (clean and oversized
 * mail deferred), a 100000-byte size limit, quarantine and drop on a SQLite store (also used for
 * recipients whose policies differ), tagging, spooling bodies over 64 KiB, and an envelope
 * policy with known mailboxes and a blocked sender. Each test checks that the script passed and
 * what the daemon recorded.
 */
class MiltertestPolicyTest {
    @TempDir
    static Path dir;

    private static RecordingDaemon tempfail;
    private static RecordingDaemon limit;
    private static RecordingDaemon hold;
    private static RecordingDaemon tag;
    private static RecordingDaemon spool;
    private static RecordingDaemon envelope;

    @BeforeAll
    static void startDaemons() throws Exception {
        Miltertest.requireInstalled();
        tempfail = RecordingDaemon.start(Files.createDirectory(dir.resolve("t")),
                "verdict:\n  actions:\n    clean: tempfail\n    oversized: tempfail\n");
        limit = RecordingDaemon.start(Files.createDirectory(dir.resolve("l")), "limits:\n  max-message-size: 100000\n");
        hold = RecordingDaemon.startWithStore(Files.createDirectory(dir.resolve("h")),
                "verdict:\n  actions:\n    spam: quarantine\n    oversized: drop\nlimits:\n  max-message-size: 100000\n");
        tag = RecordingDaemon.start(Files.createDirectory(dir.resolve("g")),
                "verdict:\n  subject-tag: \"[SPAM]\"\n  actions:\n    spam: tag\n");
        spool = RecordingDaemon.start(Files.createDirectory(dir.resolve("s")),
                "limits:\n  memory-buffer: 65536\n  spool-directory: " + dir.resolve("s").resolve("spool") + "\n");
        envelope = RecordingDaemon.start(Files.createDirectory(dir.resolve("e")), """
                envelope:
                  sender-block: ["evil@example.org"]
                  domains:
                    example.net:
                      mailboxes: [bob, carol]
                """);
    }

    @AfterAll
    static void stopDaemons() {
        for (RecordingDaemon d : all()) {
            if (d != null) {
                d.close();
            }
        }
    }

    @BeforeEach
    void forgetEarlierMessages() {
        for (RecordingDaemon d : all()) {
            d.forget();
        }
    }

    private static RecordingDaemon[] all() {
        return new RecordingDaemon[] {tempfail, limit, hold, tag, spool, envelope};
    }

    @Test
    void defersWithReplyCode451WhenPolicySaysTempfail() {
        assertPasses("tempfail", tempfail.inet());
        assertThat(tempfail.records()).extracting(MessageRecord::queueId, MessageRecord::action, MessageRecord::classification)
                .containsExactly(
                        tuple("TMP001", "tempfail", Classification.CLEAN),
                        tuple("TMP002", "tempfail", Classification.OVERSIZED));
    }

    @Test
    void refusesDeclaredSizeAtMailAndSkipsBodyPastTheLimit() {
        assertPasses("size", limit.inet());
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
    void quarantinesOrDropsWhenPolicySaysSo() {
        assertPasses("hold", hold.inet());
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
        assertPasses("split", hold.inet());
        // One log line per outcome: delivered tagged to ann, kept in the quarantine for bob.
        assertThat(hold.records()).extracting(MessageRecord::queueId, MessageRecord::action, MessageRecord::recipients)
                .containsExactly(
                        tuple("SPL001", "tag", List.of("ann@example.com")),
                        tuple("SPL001", "quarantine", List.of("bob@example.org")));
        assertThat(hold.quarantinedQueueIds()).contains("SPL001");
    }

    @Test
    void tagsSpamByChangingOrAddingTheSubjectWithTheActionsGranted() {
        assertPasses("tag", tag.inet());
        assertThat(tag.records()).extracting(MessageRecord::queueId, MessageRecord::action, MessageRecord::classification)
                .containsExactly(tuple("TAG001", "tag", Classification.SPAM), tuple("TAG002", "tag", Classification.SPAM),
                        tuple("TAG003", "tag", Classification.SPAM), tuple("TAG004", "tag", Classification.SPAM));
    }

    @Test
    void spoolsLargeBodiesAndLeavesNoFileBehind() throws Exception {
        assertPasses("spool", spool.inet());
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

    @Test
    void refusesSingleRecipientsAndGoesOnWithTheOthers() {
        assertPasses("envelope", envelope.inet());
        assertThat(envelope.records()).extracting(MessageRecord::sender, MessageRecord::action, MessageRecord::recipients)
                .containsExactly(
                        tuple("alice@example.org", "reject", List.of("nobody@example.net")),
                        tuple("alice@example.org", "deliver", List.of("bob@example.net", "x@elsewhere.example")),
                        tuple("evil@example.org", "reject", List.of("bob@example.net")),
                        tuple("evil@example.org", "reject", List.of("carol@example.net")));
        assertThat(envelope.records().get(1).queueId()).isEqualTo("ENV001");
    }
}
