// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import io.moat.store.Authentication;
import io.moat.store.Store;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandsTest {
    private static final Pattern PASSWORD = Pattern.compile(": (\\S{20})$", Pattern.MULTILINE);
    @TempDir
    Path dir;
    private TestStore store;

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
    }

    private static String password(String out) {
        Matcher m = PASSWORD.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    @Test
    void addPrintsARandomPasswordThatMustBeChanged() {
        CliRun r = store.run("user", "add", "carol", "--role", "admin", "--scope", "example.org,example.net");
        assertThat(r.exit()).as(r.toString()).isZero();
        String password = password(r.out());
        try (Store s = store.open()) {
            assertThat(s.users().authenticate("carol", password.toCharArray())).isInstanceOf(Authentication.MustChangePassword.class);
        }
        assertThat(store.run("user", "list").out()).contains("carol", "admin", "example.org,example.net", "yes");
        assertThat(store.run("user", "show", "carol", "--json").out()).contains("\"role\" : \"admin\"", "\"mustChangePassword\" : true");
    }

    @Test
    void resetPasswordGivesANewOneAndTheAuditTrailNeverHasIt() {
        String first = password(store.run("user", "add", "dave", "--role", "mailbox", "--scope", "dave@example.org").out());
        CliRun reset = store.run("user", "reset-password", "dave");
        assertThat(reset.exit()).isZero();
        String second = password(reset.out());
        assertThat(second).isNotEqualTo(first);
        CliRun audit = store.run("audit", "list", "--json");
        assertThat(audit.out()).contains("user.create", "user.reset-password").doesNotContain(first).doesNotContain(second);
    }

    @Test
    void errorsAreClear() {
        CliRun noRole = store.run("user", "add", "erin");
        assertThat(noRole.exit()).isEqualTo(2);
        assertThat(noRole.err()).contains("Missing required option: '--role=ROLE'");
        CliRun badRole = store.run("user", "add", "erin", "--role", "root");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("unknown role 'root'");
        CliRun noScope = store.run("user", "add", "erin", "--role", "mailbox");
        assertThat(noScope.exit()).isEqualTo(2);
        assertThat(noScope.err()).contains("a mailbox user needs at least one address");
        store.run("user", "add", "erin", "--role", "admin");
        assertThat(store.run("user", "add", "erin", "--role", "admin").err()).contains("user 'erin' exists already");
        assertThat(store.run("user", "reset-password", "ghost").err()).isEqualTo("moat: no user 'ghost'\n");
        assertThat(store.run("user", "show", "ghost").exit()).isEqualTo(1);
        assertThat(store.run("user", "remove", "ghost").exit()).isEqualTo(1);
        assertThat(store.run("user", "remove", "erin").exit()).isZero();
    }
}
