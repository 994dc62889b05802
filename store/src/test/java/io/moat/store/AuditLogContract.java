// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import static io.moat.store.StoreFixture.ADMIN;
import static io.moat.store.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does. */
public interface AuditLogContract extends StoreFixture {

    @Test
    default void entriesRecordWhoWhenWhereAndAreFiltered() {
        store().audit().record(ADMIN, "store.purge", "quarantine", null, "3 deleted");
        clock().advance(Duration.ofHours(1));
        store().audit().record(new Actor("bob", "h2"), "domain.put", "example.org", "a", "b");

        assertThat(store().audit().list(AuditQuery.all(10))).extracting(AuditEntry::actor).containsExactly("bob", "alice");
        AuditEntry first = store().audit().list(new AuditQuery("alice", null, null, null, null, 10)).get(0);
        assertThat(first.at()).isEqualTo(T0);
        assertThat(first.host()).isEqualTo("admin-host.example");
        assertThat(first.newValue()).isEqualTo("3 deleted");
        assertThat(store().audit().list(new AuditQuery(null, "domain", null, null, null, 10))).hasSize(1);
        assertThat(store().audit().list(new AuditQuery(null, null, "example.org", null, null, 10))).hasSize(1);
        assertThat(store().audit().list(new AuditQuery(null, null, null, T0.plusSeconds(1), null, 10))).hasSize(1);
    }

    @Test
    default void purgeDeletesEntriesBeforeTheCutoff() {
        store().audit().record(ADMIN, "a", "t", null, null);
        clock().advance(Duration.ofDays(366));
        store().audit().record(ADMIN, "b", "t", null, null);
        assertThat(store().audit().purge(clock().instant().minus(Duration.ofDays(365)))).isEqualTo(1);
        assertThat(store().audit().list(AuditQuery.all(10))).extracting(AuditEntry::action).containsExactly("b");
    }
}
