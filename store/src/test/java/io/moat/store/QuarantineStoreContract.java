// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import static io.moat.store.StoreFixture.ADMIN;
import static io.moat.store.StoreFixture.T0;
import static io.moat.store.StoreFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link QuarantineStore} does; implemented once per backend. */
public interface QuarantineStoreContract extends StoreFixture {

    @Test
    default void putThenFindReturnsTheMetadataAndTheExactContent() {
        QuarantineEntry e = entry("4XyZ1", T0, List.of("Ann@Example.org", "bob@example.org"), "hello");
        QuarantineReceipt r = store().quarantine().put(e);

        assertThat(r.alreadyStored()).isFalse();
        QuarantinedMessage m = store().quarantine().find(r.id()).orElseThrow();
        assertThat(m.queueId()).isEqualTo("4XyZ1");
        assertThat(m.sender()).isEqualTo("sender@example.net");
        assertThat(m.recipients()).extracting(QuarantinedRecipient::address).containsExactly("ann@example.org", "bob@example.org");
        assertThat(m.recipients()).noneMatch(QuarantinedRecipient::released);
        assertThat(m.classification()).isEqualTo(Classification.SPAM);
        assertThat(m.score()).isEqualTo(12.5);
        assertThat(m.findings()).containsExactly("RBL_ZEN_SBL", "BAYES_99(0.99)");
        assertThat(m.reason()).isEqualTo("spam score 12.5 >= 10");
        assertThat(m.clientIp()).isEqualTo("192.0.2.7");
        assertThat(m.receivedAt()).isEqualTo(T0);
        assertThat(m.subject()).isEqualTo("hello");
        assertThat(m.size()).isEqualTo(e.content().length);
        assertThat(m.sha256()).isEqualTo(e.sha256());
        assertThat(store().quarantine().content(r.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(e.content()));
    }

    @Test
    default void aRetriedMessageIsStoredOnce() {
        QuarantineEntry e = entry("4XyZ2", T0, List.of("ann@example.org"), "retry");
        QuarantineReceipt first = store().quarantine().put(e);
        QuarantineReceipt again = store().quarantine().put(entry("4XyZ2", T0.plusSeconds(60), List.of("ann@example.org"), "retry"));

        assertThat(again.alreadyStored()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(store().quarantine().list(QuarantineQuery.all(10))).hasSize(1);
    }

    @Test
    default void theSameQueueIdWithOtherContentIsAnotherMessage() {
        QuarantineReceipt a = store().quarantine().put(entry("Q1", T0, List.of("ann@example.org"), "one"));
        QuarantineReceipt b = store().quarantine().put(entry("Q1", T0, List.of("ann@example.org"), "two"));
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(b.alreadyStored()).isFalse();
    }

    @Test
    default void concurrentPutsOfOneMessageStoreItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<QuarantineReceipt>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> store().quarantine().put(entry("Q2", T0, List.of("ann@example.org"), "race"))));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<QuarantineReceipt> f : results) {
                ids.add(f.get().id());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(store().quarantine().list(QuarantineQuery.all(10))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void findAndContentOfAnUnknownIdAreEmpty() {
        assertThat(store().quarantine().find(9999)).isEmpty();
        assertThat(store().quarantine().content(9999)).isEmpty();
    }

    @Test
    default void listFiltersByRecipientSenderClassificationAndTimeNewestFirst() {
        QuarantineStore q = store().quarantine();
        long a = q.put(entry("A", T0, List.of("ann@example.org"), "a")).id();
        long b = q.put(entry("B", T0.plusSeconds(10), List.of("bob@example.org"), "b")).id();
        long c = q.put(new QuarantineEntry("C", "", List.of("ann@other.org"), null, T0.plusSeconds(20), Classification.VIRUS, 0,
                List.of("AV_INFECTED(Eicar)"), "virus", null, null, StoreFixture.message("c", "x"))).id();

        assertThat(q.list(QuarantineQuery.all(10))).extracting(QuarantinedMessage::id).containsExactly(c, b, a);
        assertThat(q.list(new QuarantineQuery("ANN@example.org", null, null, null, null, false, 10)))
                .extracting(QuarantinedMessage::id).containsExactly(a);
        assertThat(q.list(new QuarantineQuery("*@example.org", null, null, null, null, false, 10)))
                .extracting(QuarantinedMessage::id).containsExactly(b, a);
        assertThat(q.list(new QuarantineQuery(null, "sender@example.net", null, null, null, false, 10))).hasSize(2);
        assertThat(q.list(new QuarantineQuery(null, null, Classification.VIRUS, null, null, false, 10)))
                .extracting(QuarantinedMessage::id).containsExactly(c);
        assertThat(q.list(new QuarantineQuery(null, null, null, T0.plusSeconds(5), T0.plusSeconds(15), false, 10)))
                .extracting(QuarantinedMessage::id).containsExactly(b);
        assertThat(q.list(QuarantineQuery.all(1))).extracting(QuarantinedMessage::id).containsExactly(c);
    }

    @Test
    default void releaseMarksWhoAndWhenAndHidesTheMessageFromTheDefaultListing() {
        long id = store().quarantine().put(entry("R1", T0, List.of("ann@example.org"), "r")).id();
        clock().advance(Duration.ofMinutes(5));
        store().quarantine().markReleased(id, List.of(), ADMIN);

        QuarantinedMessage m = store().quarantine().find(id).orElseThrow();
        assertThat(m.fullyReleased()).isTrue();
        assertThat(m.recipients().get(0).releasedBy()).isEqualTo("alice");
        assertThat(m.recipients().get(0).releasedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(store().quarantine().list(QuarantineQuery.all(10))).isEmpty();
        assertThat(store().quarantine().list(new QuarantineQuery(null, null, null, null, null, true, 10))).hasSize(1);
        assertThat(store().audit().list(AuditQuery.all(10))).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("quarantine.release");
            assertThat(a.target()).isEqualTo(Long.toString(id));
            assertThat(a.host()).isEqualTo("admin-host.example");
        });
    }

    @Test
    default void releasingOneRecipientLeavesTheOthersQuarantined() {
        long id = store().quarantine().put(entry("R2", T0, List.of("ann@example.org", "bob@example.org"), "r")).id();
        store().quarantine().markReleased(id, List.of("Bob@example.org"), ADMIN);

        QuarantinedMessage m = store().quarantine().find(id).orElseThrow();
        assertThat(m.fullyReleased()).isFalse();
        assertThat(m.recipients()).filteredOn(QuarantinedRecipient::released).extracting(QuarantinedRecipient::address)
                .containsExactly("bob@example.org");
        assertThat(store().quarantine().list(QuarantineQuery.all(10))).hasSize(1);
    }

    @Test
    default void releasingAnUnknownIdOrRecipientFailsAndChangesNothing() {
        long id = store().quarantine().put(entry("R3", T0, List.of("ann@example.org"), "r")).id();
        assertThatThrownBy(() -> store().quarantine().markReleased(424242, List.of(), ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("no quarantined message with id 424242");
        assertThatThrownBy(() -> store().quarantine().markReleased(id, List.of("eve@example.org"), ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("eve@example.org");
        assertThat(store().quarantine().find(id).orElseThrow().recipients()).noneMatch(QuarantinedRecipient::released);
    }

    @Test
    default void theReleaseTokenIsAcceptedAndCannotBeForged() {
        long id = store().quarantine().put(entry("T1", T0, List.of("ann@example.org"), "t")).id();
        ReleaseToken token = store().quarantine().releaseToken(id).orElseThrow();
        long other = store().quarantine().put(entry("T2", T0, List.of("ann@example.org"), "u")).id();

        assertThat(store().quarantine().isReleased(token.headerValue())).isTrue();
        assertThat(store().quarantine().isReleased(" " + token.headerValue() + " ")).isTrue();
        assertThat(store().quarantine().isReleased(id + "-00000000000000000000000000000000")).isFalse();
        assertThat(store().quarantine().isReleased(other + "-" + token.secret())).isFalse();
        assertThat(store().quarantine().isReleased("garbage")).isFalse();
        assertThat(store().quarantine().isReleased("")).isFalse();
        assertThat(store().quarantine().releaseToken(424242)).isEmpty();
        store().quarantine().delete(id, ADMIN);
        assertThat(store().quarantine().isReleased(token.headerValue())).isFalse();
    }

    @Test
    default void deleteRemovesTheMessageAndIsAudited() {
        long id = store().quarantine().put(entry("D1", T0, List.of("ann@example.org"), "d")).id();
        assertThat(store().quarantine().delete(id, ADMIN)).isTrue();
        assertThat(store().quarantine().find(id)).isEmpty();
        assertThat(store().quarantine().delete(id, ADMIN)).isFalse();
        assertThat(store().audit().list(AuditQuery.all(10))).extracting(AuditEntry::action).contains("quarantine.delete");
    }

    @Test
    default void purgeDeletesMessagesOlderThanTheDefaultRetention() {
        long old = store().quarantine().put(entry("P1", T0.minus(Duration.ofDays(16)), List.of("ann@example.org"), "old")).id();
        long fresh = store().quarantine().put(entry("P2", T0.minus(Duration.ofDays(14)), List.of("ann@example.org"), "new")).id();

        assertThat(store().quarantine().purge(T0, 15)).isEqualTo(1);
        assertThat(store().quarantine().find(old)).isEmpty();
        assertThat(store().quarantine().find(fresh)).isPresent();
    }

    @Test
    default void purgeHonoursADomainsOwnRetention() {
        store().domains().put(new Domain("keep.org", null, false, 30), ADMIN);
        store().domains().put(new Domain("short.org", null, false, 2), ADMIN);
        long keep = store().quarantine().put(entry("P3", T0.minus(Duration.ofDays(20)), List.of("ann@keep.org"), "k")).id();
        long shortLived = store().quarantine().put(entry("P4", T0.minus(Duration.ofDays(3)), List.of("ann@short.org"), "s")).id();
        long mixed = store().quarantine().put(entry("P5", T0.minus(Duration.ofDays(20)),
                List.of("bob@keep.org", "bob@example.org"), "m")).id();

        store().quarantine().purge(T0, 15);

        assertThat(store().quarantine().find(keep)).isPresent();
        assertThat(store().quarantine().find(shortLived)).isEmpty();
        assertThat(store().quarantine().find(mixed).orElseThrow().recipients()).extracting(QuarantinedRecipient::address)
                .containsExactly("bob@keep.org");
    }
}
