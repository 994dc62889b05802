// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.store.Actor;
import io.moat.store.Classification;
import io.moat.store.QuarantineEntry;
import io.moat.store.QuarantinedRecipient;
import io.moat.store.ReleaseToken;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import io.moat.store.StoreException;
import io.moat.store.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases re-inject to a real Postfix smtp-sink on loopback. */
class ReleaserTest {
    private static final Actor OPERATOR = new Actor("root", "mx1");
    private static final byte[] MESSAGE = ("From: a@example.net\r\nTo: ann@example.org\r\nSubject: caught\r\n\r\n"
            + ".leading dot\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private Store store;
    private SmtpSink sink;
    private long id;

    @BeforeEach
    void setUp() throws IOException {
        store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), new TestClock(Instant.parse("2026-03-01T10:00:00Z")));
        sink = SmtpSink.start(dir);
        id = store.quarantine().put(new QuarantineEntry("Q1", "a@example.net", List.of("ann@example.org", "bob@example.org"),
                "192.0.2.1", Instant.parse("2026-03-01T09:00:00Z"), Classification.SPAM, 11, List.of("BAYES_99"), "spam",
                null, "caught", MESSAGE)).id();
    }

    @AfterEach
    void tearDown() {
        sink.close();
        store.close();
    }

    @Test
    void aReleaseDeliversTheOriginalOnceWithItsTokenAndMarksItReleased() throws IOException {
        Release r = new Releaser(store.quarantine(), sink.target(), "mx1.example").release(id, List.of("ann@example.org"), OPERATOR);

        assertThat(r.reply()).startsWith("250");
        List<String> got = sink.messages();
        assertThat(got).hasSize(1);
        assertThat(got.get(0)).contains("X-Rcpt-Args: <ann@example.org>").doesNotContain("bob@example.org")
                .contains("X-Mail-Args: <a@example.net>").contains("Subject: caught").contains("\n.leading dot");
        Matcher token = Pattern.compile(ReleaseToken.HEADER + ": (\\S+)").matcher(got.get(0));
        assertThat(token.find()).isTrue();
        assertThat(store.quarantine().isReleased(token.group(1))).isTrue();
        assertThat(store.quarantine().find(id).orElseThrow().recipients()).filteredOn(QuarantinedRecipient::released)
                .extracting(QuarantinedRecipient::releasedBy).containsExactly("root");
    }

    @Test
    void withNoRecipientNamedTheRestIsReleasedAndThenNothingIsLeft() throws IOException {
        Releaser releaser = new Releaser(store.quarantine(), sink.target(), "mx1.example");
        releaser.release(id, List.of("ann@example.org"), OPERATOR);
        Release rest = releaser.release(id, List.of(), OPERATOR);

        assertThat(rest.recipients()).containsExactly("bob@example.org");
        assertThat(sink.messages()).hasSize(2);
        assertThatThrownBy(() -> releaser.release(id, List.of(), OPERATOR)).isInstanceOf(StoreException.class)
                .hasMessageContaining("already released");
    }

    @Test
    void anUnreachableTargetLeavesTheMessageQuarantined() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Releaser releaser = new Releaser(store.quarantine(), new SmtpTarget("127.0.0.1", closed, Duration.ofSeconds(2)), "mx1");

        assertThatThrownBy(() -> releaser.release(id, List.of(), OPERATOR)).isInstanceOf(StoreException.class)
                .hasMessageContaining("stays quarantined");
        assertThat(store.quarantine().find(id).orElseThrow().recipients()).noneMatch(QuarantinedRecipient::released);
    }

    @Test
    void unknownIdsAndRecipientsAreRefusedBeforeSending() throws IOException {
        Releaser releaser = new Releaser(store.quarantine(), sink.target(), "mx1");
        assertThatThrownBy(() -> releaser.release(999, List.of(), OPERATOR)).hasMessageContaining("no quarantined message with id 999");
        assertThatThrownBy(() -> releaser.release(id, List.of("eve@example.org"), OPERATOR)).hasMessageContaining("eve@example.org");
        assertThat(sink.messages()).isEmpty();
    }
}
