// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import static io.moat.store.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link MessageLog} does. */
public interface MessageLogContract extends StoreFixture {

    static LogRow row(Instant at, String queueId, String sender, String recipient, Destination d, Classification c) {
        return new LogRow(0, at, "mx1", queueId, "<" + queueId + "@example.net>", sender, recipient, d, c, 3.5, 5120,
                "192.0.2.9", "subject " + queueId, c == Classification.VIRUS ? "Eicar-Signature" : null, null);
    }

    @Test
    default void appendedRowsComeBackWithEveryField() {
        store().messageLog().append(List.of(
                new LogRow(0, T0, "mx1", "Q1", "<m1@x>", "Sender@Example.net", "Ann@Example.org", Destination.QUARANTINED,
                        Classification.VIRUS, 7.25, 4096, "192.0.2.1", "hi", "Eicar-Signature", 42L)));

        LogRow r = store().messageLog().search(LogQuery.all(10)).get(0);
        assertThat(r.id()).isPositive();
        assertThat(r).usingRecursiveComparison().ignoringFields("id").isEqualTo(new LogRow(0, T0, "mx1", "Q1", "<m1@x>",
                "sender@example.net", "ann@example.org", Destination.QUARANTINED, Classification.VIRUS, 7.25, 4096,
                "192.0.2.1", "hi", "Eicar-Signature", 42L));
    }

    @Test
    default void searchFiltersBySenderRecipientMessageIdClassificationAndTime() {
        MessageLog log = store().messageLog();
        log.append(List.of(
                row(T0, "Q1", "a@example.net", "ann@example.org", Destination.DELIVERED, Classification.CLEAN),
                row(T0, "Q1", "a@example.net", "bob@example.org", Destination.DELIVERED, Classification.CLEAN)));
        log.append(List.of(row(T0.plusSeconds(60), "Q2", "spam@bad.example", "ann@example.org", Destination.QUARANTINED,
                Classification.SPAM)));
        log.append(List.of(row(T0.plusSeconds(120), "Q3", "v@bad.example", "bob@example.org", Destination.REJECTED,
                Classification.VIRUS)));

        assertThat(log.search(LogQuery.all(10))).extracting(LogRow::queueId).containsExactly("Q3", "Q2", "Q1", "Q1");
        assertThat(log.search(new LogQuery("A@example.net", null, null, null, null, null, null, null, 10))).hasSize(2);
        assertThat(log.search(new LogQuery("*@bad.example", null, null, null, null, null, null, null, 10)))
                .extracting(LogRow::queueId).containsExactly("Q3", "Q2");
        assertThat(log.search(new LogQuery(null, "ann@example.org", null, null, null, null, null, null, 10)))
                .extracting(LogRow::queueId).containsExactly("Q2", "Q1");
        assertThat(log.search(new LogQuery(null, null, "<Q2@example.net>", null, null, null, null, null, 10)))
                .extracting(LogRow::queueId).containsExactly("Q2");
        assertThat(log.search(new LogQuery(null, null, null, "Q1", null, null, null, null, 10))).hasSize(2);
        assertThat(log.search(new LogQuery(null, null, null, null, Classification.VIRUS, null, null, null, 10)))
                .extracting(LogRow::detail).containsExactly("Eicar-Signature");
        assertThat(log.search(new LogQuery(null, null, null, null, null, Destination.QUARANTINED, null, null, 10))).hasSize(1);
        assertThat(log.search(new LogQuery(null, null, null, null, null, null, T0.plusSeconds(60), T0.plusSeconds(120), 10)))
                .extracting(LogRow::queueId).containsExactly("Q2");
        assertThat(log.search(LogQuery.all(1))).hasSize(1);
    }

    @Test
    default void aWildcardIsTheOnlySpecialCharacterInASearch() {
        store().messageLog().append(List.of(row(T0, "Q1", "a_b@example.net", "x@example.org", Destination.DELIVERED,
                Classification.CLEAN), row(T0, "Q2", "axb@example.net", "x@example.org", Destination.DELIVERED,
                Classification.CLEAN)));
        assertThat(store().messageLog().search(new LogQuery("a_b@*", null, null, null, null, null, null, null, 10)))
                .extracting(LogRow::queueId).containsExactly("Q1");
    }

    @Test
    default void purgeDeletesRowsOlderThanTheCutoff() {
        store().messageLog().append(List.of(
                row(T0.minus(Duration.ofDays(181)), "OLD", "a@x.net", "b@example.org", Destination.DELIVERED, Classification.CLEAN),
                row(T0.minus(Duration.ofDays(179)), "NEW", "a@x.net", "b@example.org", Destination.DELIVERED, Classification.CLEAN)));
        assertThat(store().messageLog().purge(T0.minus(Duration.ofDays(180)))).isEqualTo(1);
        assertThat(store().messageLog().search(LogQuery.all(10))).extracting(LogRow::queueId).containsExactly("NEW");
    }
}
