// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One message's envelope, headers and body, in memory or spooled, gone after close. */
class TransactionTest {
    @TempDir
    Path spool;

    private Transaction tx(List<String> mailArgs, int memoryLimit) {
        return new Transaction(Instant.EPOCH, ReversePath.parse("<a@example.org>"), mailArgs,
                new MessageContent(memoryLimit, spool));
    }

    @Test
    void declaredSizeIsReadFromTheSizeParameterInAnyCase() {
        assertThat(tx(List.of("BODY=8BITMIME", "size=2048"), 1024).declaredSize()).hasValue(2048);
        assertThat(tx(List.of("SIZE=lots"), 1024).declaredSize()).isEmpty();
        assertThat(tx(List.of(), 1024).declaredSize()).isEmpty();
    }

    @Test
    void nullSenderIsTheNullReversePathNeverJavaNull() {
        assertThat(ReversePath.parse("<>")).isSameAs(ReversePath.NULL);
        assertThat(ReversePath.parse("<>").isNull()).isTrue();
        assertThat(ReversePath.parse(" <a@example.org> ").address()).isEqualTo("a@example.org");
        assertThat(ReversePath.parse("bare@example.org").toString()).isEqualTo("<bare@example.org>");
    }

    @Test
    void sizeCountsHeaderFieldsTheBlankLineAndTheBody() throws Exception {
        try (Transaction t = tx(List.of(), 1024)) {
            t.addHeader(new HeaderField("Subject", "hi")); // "Subject: hi\r\n" = 13
            t.appendBody("body\r\n".getBytes(StandardCharsets.US_ASCII)); // 6

            assertThat(t.size()).isEqualTo(13 + 2 + 6);
            try (InputStream in = t.openMessage()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: hi\r\n\r\nbody\r\n");
            }
        }
    }

    @Test
    void headerLookupIgnoresCaseAndTakesTheFirst() {
        Transaction t = tx(List.of(), 1024);
        t.addHeader(new HeaderField("SUBJECT", "first"));
        t.addHeader(new HeaderField("Subject", "second"));

        assertThat(t.subject()).isEqualTo("first");
        assertThat(t.header("message-id")).isEmpty();
    }

    @Test
    void bodyOverTheMemoryLimitIsSpooledAndTheFileGoesAwayOnClose() throws Exception {
        Transaction t = tx(List.of(), 16);
        t.appendBody("0123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(t.body().spooled()).isFalse();

        t.appendBody("abcdefghij".getBytes(StandardCharsets.US_ASCII));

        assertThat(t.body().spooled()).isTrue();
        assertThat(Files.list(spool)).hasSize(1);
        try (InputStream in = t.body().open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("0123456789abcdefghij");
        }
        try (InputStream in = t.body().open()) {
            assertThat(in.readAllBytes()).as("readable more than once").hasSize(20);
        }
        t.close();
        assertThat(Files.list(spool)).isEmpty();
    }
}
