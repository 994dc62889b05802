// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainCommandsTest {
    @TempDir
    Path dir;
    private TestStore store;

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
    }

    @Test
    void addListShowSetRemove() {
        CliRun add = store.run("domain", "add", "Example.org", "--relay", "smtp:[10.0.0.5]:25", "--retention-days", "30");
        assertThat(add.exit()).as(add.toString()).isZero();
        assertThat(add.out()).contains("Added domain example.org.");
        assertThat(store.run("domain", "list").out()).contains("example.org", "smtp:[10.0.0.5]:25", "30");

        CliRun set = store.run("domain", "set", "example.org", "--pass-through", "--retention-days", "0");
        assertThat(set.exit()).as(set.toString()).isZero();
        CliRun show = store.run("domain", "show", "example.org", "--json");
        assertThat(show.out()).contains("\"passThrough\" : true", "\"relay\" : \"smtp:[10.0.0.5]:25\"",
                "\"quarantineRetentionDays\" : null", "\"mailboxes\" : 0");

        assertThat(store.run("domain", "remove", "example.org").exit()).isZero();
        assertThat(store.run("domain", "list").out()).contains("No domains.");
    }

    @Test
    void changesAreAudited() {
        store.run("domain", "add", "example.org", "--actor", "bob");
        store.run("domain", "set", "example.org", "--relay", "smtp:[10.0.0.9]:25", "--actor", "bob");
        CliRun audit = store.run("audit", "list", "--actor", "bob");
        assertThat(audit.out()).contains("domain.put", "relay=smtp:[10.0.0.9]:25", "relay=-");
    }

    @Test
    void addingTwiceOrAnInvalidNameFails() {
        store.run("domain", "add", "example.org");
        CliRun again = store.run("domain", "add", "example.org");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("exists already");
        CliRun bad = store.run("domain", "add", "not a domain");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("not a domain name");
    }

    @Test
    void unknownDomainsAreReported() {
        assertThat(store.run("domain", "show", "nowhere.org").err()).isEqualTo("moat: no domain 'nowhere.org'\n");
        assertThat(store.run("domain", "set", "nowhere.org", "--pass-through").exit()).isEqualTo(1);
        assertThat(store.run("domain", "remove", "nowhere.org").exit()).isEqualTo(1);
    }
}
