// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import io.moat.store.Classification;
import io.moat.store.Destination;
import io.moat.store.LogRow;
import io.moat.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSearchCommandTest {
    @TempDir
    Path dir;
    private TestStore store;
    private final Instant now = Instant.now();

    private LogRow row(Duration ago, String queueId, String sender, String recipient, Destination d, Classification c) {
        return new LogRow(0, now.minus(ago), "mx1", queueId, "<" + queueId + "@x>", sender, recipient, d, c, 4.5, 2048,
                "192.0.2.3", "subject " + queueId, null, null);
    }

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
        try (Store s = store.open()) {
            s.messageLog().append(List.of(
                    row(Duration.ofDays(3), "Q1", "a@example.net", "ann@example.org", Destination.DELIVERED, Classification.CLEAN),
                    row(Duration.ofDays(3), "Q1", "a@example.net", "bob@example.org", Destination.DELIVERED, Classification.CLEAN)));
            s.messageLog().append(List.of(
                    row(Duration.ofHours(1), "Q2", "spam@bad.example", "ann@example.org", Destination.QUARANTINED, Classification.SPAM)));
        }
    }

    @Test
    void searchBySenderPrintsATable() {
        CliRun r = store.run("log", "search", "--sender", "a@example.net");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("QUEUE-ID", "ann@example.org", "bob@example.org", "delivered").doesNotContain("Q2");
    }

    @Test
    void searchByRecipientTimeAndClassificationAsJson() {
        CliRun r = store.run("log", "search", "--recipient", "ann@example.org", "--since", "1d", "--classification", "spam", "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"queueId\" : \"Q2\"", "\"destination\" : \"quarantined\"").doesNotContain("\"Q1\"");
    }

    @Test
    void searchByMessageIdAndDestination() {
        assertThat(store.run("log", "search", "--message-id", "<Q1@x>").out()).contains("bob@example.org");
        assertThat(store.run("log", "search", "--destination", "quarantined").out()).contains("Q2").doesNotContain("Q1");
        assertThat(store.run("log", "search", "--until", "2d").out()).contains("Q1").doesNotContain("Q2");
    }

    @Test
    void noMatchSaysSoAndABadTimeIsAUsageError() {
        assertThat(store.run("log", "search", "--sender", "nobody@x").out()).contains("No matching messages.");
        CliRun bad = store.run("log", "search", "--since", "yesterday");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'yesterday' is not a time");
    }

    @Test
    void purgeKeepsRecentRows() {
        CliRun r = store.run("log", "purge", "--days", "2");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Purged 2 message-log row(s) older than 2 days.");
        assertThat(store.run("log", "search").out()).contains("Q2").doesNotContain("Q1");
    }
}
