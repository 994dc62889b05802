// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import io.moat.store.Classification;
import io.moat.store.QuarantineEntry;
import io.moat.store.QuarantinedRecipient;
import io.moat.store.Store;
import io.moat.store.release.SmtpSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineCommandsTest {
    @TempDir
    Path dir;
    private TestStore store;
    private long spam;
    private long virus;

    static QuarantineEntry entry(String queueId, Instant at, Classification c, String subject, String... recipients) {
        byte[] content = ("From: x@example.net\r\nSubject: " + subject + "\r\n\r\nbody of " + queueId + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return new QuarantineEntry(queueId, "x@example.net", List.of(recipients), "192.0.2.5", at, c, 9.5,
                List.of("BAYES_99", "RBL_ZEN_SBL"), c.label() + " found", "<" + queueId + "@example.net>", subject, content);
    }

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
        try (Store s = store.open()) {
            Instant now = Instant.now();
            spam = s.quarantine().put(entry("Q1", now.minusSeconds(60), Classification.SPAM, "cheap pills", "ann@example.org")).id();
            virus = s.quarantine().put(entry("Q2", now, Classification.VIRUS, "invoice", "bob@example.org", "ann@example.org")).id();
        }
    }

    @Test
    void listShowsNewestFirstAsATable() {
        CliRun r = store.run("quarantine", "list");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ID", "SENDER", "cheap pills", "invoice");
        assertThat(r.out().indexOf("invoice")).isLessThan(r.out().indexOf("cheap pills"));
    }

    @Test
    void listFiltersAndPrintsJson() {
        CliRun r = store.run("quarantine", "list", "--classification", "virus", "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"id\" : " + virus, "\"classification\" : \"virus\"").doesNotContain("cheap pills");
        assertThat(store.run("quarantine", "list", "--recipient", "bob@example.org").out()).contains("invoice").doesNotContain("cheap");
        assertThat(store.run("quarantine", "list", "--since", "1d", "--limit", "1").out()).contains("invoice").doesNotContain("cheap");
    }

    @Test
    void listWithNothingSaysSo() {
        CliRun r = store.run("quarantine", "list", "--sender", "nobody@example.net");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("No quarantined messages.");
    }

    @Test
    void aBadClassificationIsAUsageError() {
        CliRun r = store.run("quarantine", "list", "--classification", "evil");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown classification 'evil'");
    }

    @Test
    void showPrintsDetailsAndHeaders() {
        CliRun r = store.run("quarantine", "show", Long.toString(spam));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Classification: spam, score 9.5", "Findings:       BAYES_99 RBL_ZEN_SBL",
                "Recipient:      ann@example.org", "Subject: cheap pills").doesNotContain("body of Q1");
    }

    @Test
    void showRawPrintsTheMessageAndJsonHasTheHeaders() {
        assertThat(store.run("quarantine", "show", Long.toString(spam), "--raw").out()).contains("body of Q1");
        CliRun json = store.run("quarantine", "show", Long.toString(spam), "--json");
        assertThat(json.out()).contains("\"headers\" : \"From: x@example.net\\nSubject: cheap pills\\n\"");
    }

    @Test
    void showOfAnUnknownIdFailsWithExitOneAndNoStackTrace() {
        CliRun r = store.run("quarantine", "show", "4242");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("moat: no quarantined message with id 4242\n");
    }

    @Test
    void aNonNumericIdIsAUsageError() {
        CliRun r = store.run("quarantine", "show", "abc");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("abc");
    }

    @Test
    void releaseReinjectsToTheSinkOnceAndMarksTheMessage() throws Exception {
        try (SmtpSink sink = SmtpSink.start(dir)) {
            CliRun r = store.run("quarantine", "release", Long.toString(virus), "--to", "bob@example.org",
                    "--smtp", sink.target().toString(), "--actor", "carol");
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Released message " + virus + " to bob@example.org via " + sink.target() + ": 250");
            assertThat(sink.messages()).hasSize(1).first().asString().contains("X-Moat-Released: " + virus + "-", "body of Q2");
        }
        try (Store s = store.open()) {
            assertThat(s.quarantine().find(virus).orElseThrow().recipients()).filteredOn(QuarantinedRecipient::released)
                    .extracting(QuarantinedRecipient::address, QuarantinedRecipient::releasedBy)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bob@example.org", "carol"));
        }
    }

    @Test
    void releaseToAnUnreachableTargetFailsAndKeepsTheMessage() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = store.run("quarantine", "release", Long.toString(spam), "--smtp", "127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("moat: re-injecting message " + spam).contains("stays quarantined");
        assertThat(store.run("quarantine", "list").out()).contains("cheap pills");
    }

    @Test
    void releaseOfAnUnknownIdFails() {
        CliRun r = store.run("quarantine", "release", "999", "--smtp", "127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no quarantined message with id 999");
    }

    @Test
    void deleteRemovesAndReportsUnknownIds() {
        CliRun r = store.run("quarantine", "delete", Long.toString(spam), "777");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Deleted message " + spam + ".");
        assertThat(r.err()).contains("no quarantined message with id 777");
        assertThat(store.run("quarantine", "show", Long.toString(spam)).exit()).isEqualTo(1);
        assertThat(store.run("audit", "list", "--action", "quarantine.delete").out()).contains(Long.toString(spam));
    }

    @Test
    void purgeDeletesWhatIsPastRetention() {
        try (Store s = store.open()) {
            s.quarantine().put(entry("OLD", Instant.now().minus(Duration.ofDays(20)), Classification.SPAM, "ancient", "ann@example.org"));
        }
        CliRun r = store.run("quarantine", "purge");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Purged 1 quarantined message(s) past retention (default 15 days).");
        assertThat(store.run("quarantine", "purge", "--days", "0").exit()).isEqualTo(2);
    }

    @Test
    void quarantineWithoutAVerbIsAUsageError() {
        CliRun r = CliRun.run("quarantine");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing a subcommand", "list", "release");
    }

}
