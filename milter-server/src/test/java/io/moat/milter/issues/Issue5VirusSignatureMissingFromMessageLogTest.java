// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.record.MessageRecord;
import io.moat.milter.store.StoreMessageLog;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import io.moat.store.LogQuery;
import io.moat.store.LogRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Found by the end-to-end antivirus test (issue 5): EICAR attached as {@code eicar.com}, the name
 * it usually travels under, is classed virus and refused, but the message log's detail read
 * {@code BANNED_NAME: part 2 (eicar.com): .com} instead of the signature clamd reported: the
 * detail was the first finding implying virus <em>or</em> banned, and the attachment filter's
 * finding comes before the antivirus filter's. An admin searching the log for the signature found
 * nothing. The detail now follows the class precedence: a virus's signature wins over a banned part.
 */
class Issue5VirusSignatureMissingFromMessageLogTest {
    private static final Finding BANNED_NAME = new Finding("BANNED_NAME", 0, "part 2 (eicar.com): .com", Classification.BANNED);
    private static final Finding INFECTED = new Finding("AV_INFECTED", 0, "Win.Test.EICAR_HDB-1", Classification.VIRUS);

    @Test
    void virusSignatureIsTheDetailEvenWhenABannedPartWasFoundFirst() {
        assertThat(detailOf(List.of(BANNED_NAME, INFECTED))).isEqualTo("AV_INFECTED: Win.Test.EICAR_HDB-1");
    }

    @Test
    void bannedPartIsTheDetailWhenThereIsNoVirus() {
        assertThat(detailOf(List.of(Finding.of("HDR_MISSING_DATE", 0.5, ""), BANNED_NAME)))
                .isEqualTo("BANNED_NAME: part 2 (eicar.com): .com");
    }

    private static String detailOf(List<Finding> findings) {
        List<LogRow> rows = new CopyOnWriteArrayList<>();
        StoreMessageLog log = new StoreMessageLog(new io.moat.store.MessageLog() {
            @Override
            public void append(List<LogRow> batch) {
                rows.addAll(batch);
            }

            @Override
            public List<LogRow> search(LogQuery query) {
                return List.copyOf(rows);
            }

            @Override
            public int purge(Instant cutoff) {
                return 0;
            }
        }, 10);
        log.record(new MessageRecord(Instant.parse("2026-11-24T03:00:00Z"), "mx", "reject", Classification.VIRUS,
                "sender@outside.example", List.of("user@customer.example"), "test", "<id@example.org>", 0.4, 694,
                "6F5F42122A2", "127.0.0.1", Duration.ofMillis(3), findings, 0));
        log.close(Duration.ofSeconds(10));
        assertThat(rows).hasSize(1);
        return rows.getFirst().detail();
    }
}
