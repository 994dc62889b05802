// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import static io.moat.store.StoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every store does with users and passwords. */
public interface UsersContract extends StoreFixture {

    @Test
    default void aNewUserHasARandomPasswordThatMustBeChanged() {
        String password = store().users().create("Carol", Role.ADMIN, List.of("example.org"), ADMIN);

        assertThat(password).hasSize(20);
        assertThat(store().users().authenticate("carol", password.toCharArray()))
                .isInstanceOf(Authentication.MustChangePassword.class);
        store().users().changePassword("carol", "correct horse battery".toCharArray(), ADMIN);
        assertThat(store().users().authenticate("carol", "correct horse battery".toCharArray()))
                .isInstanceOfSatisfying(Authentication.Granted.class, g -> assertThat(g.user().role()).isEqualTo(Role.ADMIN));
        assertThat(store().users().authenticate("carol", password.toCharArray())).isInstanceOf(Authentication.Denied.class);
        assertThat(store().users().authenticate("nobody", password.toCharArray())).isInstanceOf(Authentication.Denied.class);
    }

    @Test
    default void aResetReplacesThePasswordWithARandomOneThatMustBeChanged() {
        String first = store().users().create("dave", Role.MAILBOX, List.of("dave@example.org"), ADMIN);
        String second = store().users().resetPassword("dave", ADMIN);

        assertThat(second).isNotEqualTo(first);
        assertThat(store().users().authenticate("dave", first.toCharArray())).isInstanceOf(Authentication.Denied.class);
        assertThat(store().users().authenticate("dave", second.toCharArray())).isInstanceOf(Authentication.MustChangePassword.class);
        assertThat(store().users().find("dave").orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    default void passwordsNeverReachTheAuditTrail() {
        String first = store().users().create("erin", Role.ADMIN, List.of(), ADMIN);
        String second = store().users().resetPassword("erin", ADMIN);
        store().users().changePassword("erin", "my own secret words".toCharArray(), ADMIN);

        List<AuditEntry> trail = store().audit().list(AuditQuery.all(10));
        assertThat(trail).extracting(AuditEntry::action).contains("user.create", "user.reset-password", "user.change-password");
        assertThat(trail.toString()).doesNotContain(first).doesNotContain(second).doesNotContain("my own secret words")
                .doesNotContain("argon2");
    }

    @Test
    default void namesAreUniqueAndUnknownUsersAreReported() {
        store().users().create("frank", Role.ADMIN, List.of(), ADMIN);
        assertThatThrownBy(() -> store().users().create("Frank", Role.ADMIN, List.of(), ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("exists already");
        assertThatThrownBy(() -> store().users().resetPassword("ghost", ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("no user 'ghost'");
        assertThatThrownBy(() -> store().users().changePassword("frank", "short".toCharArray(), ADMIN))
                .isInstanceOf(StoreException.class).hasMessageContaining("at least 12");
        assertThat(store().users().list()).extracting(User::name).containsExactly("frank");
        assertThat(store().users().delete("frank", ADMIN)).isTrue();
        assertThat(store().users().delete("frank", ADMIN)).isFalse();
    }
}
