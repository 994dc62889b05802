// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import static io.moat.store.StoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every store does with domains, mailboxes and policy, and that each change is audited. */
public interface SettingsContract extends StoreFixture {

    @Test
    default void aDomainIsCreatedUpdatedAndDeletedWithOldAndNewValuesAudited() {
        store().domains().put(new Domain("Example.ORG", "smtp:[10.0.0.5]:25", false, null), ADMIN);
        store().domains().put(new Domain("example.org", "smtp:[10.0.0.6]:25", true, 30), ADMIN);

        assertThat(store().domains().find("EXAMPLE.org")).contains(new Domain("example.org", "smtp:[10.0.0.6]:25", true, 30));
        assertThat(store().domains().list()).extracting(Domain::name).containsExactly("example.org");
        AuditEntry update = store().audit().list(AuditQuery.all(1)).get(0);
        assertThat(update.action()).isEqualTo("domain.put");
        assertThat(update.oldValue()).contains("10.0.0.5").contains("pass-through=false");
        assertThat(update.newValue()).contains("10.0.0.6").contains("pass-through=true").contains("retention-days=30");

        assertThat(store().domains().delete("example.org", ADMIN)).isTrue();
        assertThat(store().domains().find("example.org")).isEmpty();
        assertThat(store().domains().delete("example.org", ADMIN)).isFalse();
    }

    @Test
    default void aMailboxNeedsItsDomain() {
        assertThatThrownBy(() -> store().mailboxes().put(new Mailbox("ann@nowhere.org", null), ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("no domain 'nowhere.org'");
    }

    @Test
    default void mailboxesAreAddedListedCountedAndDeleted() {
        store().domains().put(Domain.named("example.org"), ADMIN);
        store().domains().put(Domain.named("other.org"), ADMIN);
        store().mailboxes().put(new Mailbox("Bob@Example.org", "Bob"), ADMIN);
        store().mailboxes().put(new Mailbox("ann@example.org", null), ADMIN);
        store().mailboxes().put(new Mailbox("ann@other.org", null), ADMIN);

        assertThat(store().mailboxes().find("BOB@example.org")).contains(new Mailbox("bob@example.org", "Bob"));
        assertThat(store().mailboxes().list("example.org", 10)).extracting(Mailbox::address)
                .containsExactly("ann@example.org", "bob@example.org");
        assertThat(store().mailboxes().count(null)).isEqualTo(3);
        assertThat(store().mailboxes().delete("ann@example.org", ADMIN)).isTrue();
        assertThat(store().mailboxes().delete("ann@example.org", ADMIN)).isFalse();
        assertThat(store().mailboxes().count("example.org")).isEqualTo(1);
    }

    @Test
    default void deletingADomainDeletesItsMailboxesAndPolicy() {
        store().domains().put(Domain.named("example.org"), ADMIN);
        store().mailboxes().put(new Mailbox("ann@example.org", null), ADMIN);
        store().policies().set("ann@example.org", PolicyKey.TAG_SCORE, "4", ADMIN);
        store().policies().set("example.org", PolicyKey.TAG_SCORE, "5", ADMIN);

        store().domains().delete("example.org", ADMIN);

        assertThat(store().mailboxes().count(null)).isZero();
        assertThat(store().policies().scopes()).isEmpty();
    }

    @Test
    default void anImportWritesEveryMailboxAndReportsProgress() {
        store().domains().put(Domain.named("example.org"), ADMIN);
        List<Mailbox> boxes = IntStream.range(0, 2_500).mapToObj(i -> new Mailbox("user" + i + "@example.org", "User " + i)).toList();
        List<Long> progress = new ArrayList<>();

        long written = store().mailboxes().importAll(boxes, "users.csv", ADMIN, progress::add);

        assertThat(written).isEqualTo(2_500);
        assertThat(store().mailboxes().count("example.org")).isEqualTo(2_500);
        assertThat(progress).containsExactly(1_000L, 2_000L, 2_500L);
        assertThat(store().audit().list(AuditQuery.all(1)).get(0).newValue()).isEqualTo("2500 mailboxes");
    }

    @Test
    default void anImportThatFailsHalfwayWritesNothing() {
        store().domains().put(Domain.named("example.org"), ADMIN);
        List<Mailbox> boxes = new ArrayList<>();
        IntStream.range(0, 1_500).forEach(i -> boxes.add(new Mailbox("user" + i + "@example.org", null)));
        boxes.add(new Mailbox("ann@unknown.org", null));

        assertThatThrownBy(() -> store().mailboxes().importAll(boxes, "users.csv", ADMIN, ImportProgress.NONE))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown.org");
        assertThat(store().mailboxes().count(null)).isZero();
    }

    @Test
    default void theEffectivePolicyIsTheMailboxsOverTheDomains() {
        store().domains().put(Domain.named("example.org"), ADMIN);
        store().policies().set("example.org", PolicyKey.TAG_SCORE, "5", ADMIN);
        store().policies().set("example.org", PolicyKey.ACTION_VIRUS, "Reject", ADMIN);
        store().policies().set("ann@example.org", PolicyKey.TAG_SCORE, "3.5", ADMIN);
        store().policies().set("ann@example.org", PolicyKey.SENDERS_ALLOW, " Boss@Partner.com , *@partner.net ", ADMIN);

        Policy ann = store().policies().effective("Ann@Example.org");
        assertThat(ann.score(PolicyKey.TAG_SCORE)).hasValue(3.5);
        assertThat(ann.action(PolicyKey.ACTION_VIRUS)).contains(PolicyAction.REJECT);
        assertThat(ann.list(PolicyKey.SENDERS_ALLOW)).containsExactly("boss@partner.com", "*@partner.net");
        assertThat(store().policies().effective("bob@example.org").score(PolicyKey.TAG_SCORE)).hasValue(5.0);
        assertThat(store().policies().scopes()).containsExactly("ann@example.org", "example.org");
    }

    @Test
    default void policyValuesAreCheckedAndChangesAudited() {
        store().domains().put(Domain.named("example.org"), ADMIN);
        assertThatThrownBy(() -> store().policies().set("example.org", PolicyKey.TAG_SCORE, "high", ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold.tag needs a number");
        assertThatThrownBy(() -> store().policies().set("nowhere.org", PolicyKey.TAG_SCORE, "4", ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("no domain 'nowhere.org'");

        store().policies().set("example.org", PolicyKey.QUARANTINE_SCORE, "8", ADMIN);
        store().policies().set("example.org", PolicyKey.QUARANTINE_SCORE, "9", ADMIN);
        assertThat(store().policies().unset("example.org", PolicyKey.QUARANTINE_SCORE, ADMIN)).isTrue();
        assertThat(store().policies().unset("example.org", PolicyKey.QUARANTINE_SCORE, ADMIN)).isFalse();

        assertThat(store().audit().list(new AuditQuery(null, "policy.", null, null, null, 10)))
                .extracting(AuditEntry::action, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("policy.unset", "9.0", null),
                        org.assertj.core.groups.Tuple.tuple("policy.set", "8.0", "9.0"),
                        org.assertj.core.groups.Tuple.tuple("policy.set", null, "8.0"));
    }

    @Test
    default void aDomainsAntivirusFailOpenAndBannedTypesAreCheckedStoredAndAudited() {
        store().domains().put(Domain.named("example.org"), ADMIN);
        assertThatThrownBy(() -> store().policies().set("example.org", PolicyKey.ANTIVIRUS_FAIL_OPEN, "maybe", ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("antivirus.fail-open needs true or false");
        assertThatThrownBy(() -> store().policies().set("example.org", PolicyKey.BANNED_TYPES, "exe, a.b", ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a.b' is neither");
        assertThatThrownBy(() -> store().policies().set("example.org", PolicyKey.BANNED_TYPES, "text/plain", ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would ban almost everything");

        store().policies().set("example.org", PolicyKey.ANTIVIRUS_FAIL_OPEN, " Yes ", ADMIN);
        store().policies().set("example.org", PolicyKey.BANNED_TYPES, ".PDF, application/X-Rar, pdf", ADMIN);
        store().policies().set("example.org", PolicyKey.BANNED_REPLACE, "false", ADMIN);
        store().policies().set("ann@example.org", PolicyKey.ANTIVIRUS_FAIL_OPEN, "off", ADMIN);

        Policy domain = store().policies().of("example.org");
        assertThat(domain.bool(PolicyKey.ANTIVIRUS_FAIL_OPEN)).contains(true);
        assertThat(domain.list(PolicyKey.BANNED_TYPES)).containsExactly("pdf", "application/x-rar");
        assertThat(domain.bool(PolicyKey.BANNED_REPLACE)).contains(false);
        assertThat(store().policies().effective("bob@example.org").bool(PolicyKey.ANTIVIRUS_FAIL_OPEN)).contains(true);
        assertThat(store().policies().effective("ann@example.org").bool(PolicyKey.ANTIVIRUS_FAIL_OPEN)).contains(false);
        assertThat(store().audit().list(new AuditQuery(null, "policy.", null, null, null, 10)))
                .extracting(AuditEntry::action, AuditEntry::newValue)
                .contains(org.assertj.core.groups.Tuple.tuple("policy.set", "true"),
                        org.assertj.core.groups.Tuple.tuple("policy.set", "pdf,application/x-rar"));
    }
}
