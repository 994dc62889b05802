// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditListCommandTest {
    @TempDir
    Path dir;
    private TestStore store;

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
    }

    @Test
    void listsWhoDidWhatFromWhereNewestFirst() {
        store.run("domain", "add", "example.org", "--actor", "alice");
        store.run("mailbox", "add", "ann@example.org", "--actor", "bob");
        CliRun r = store.run("audit", "list");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ACTOR", "HOST", "mailbox.put", "domain.put");
        assertThat(r.out().indexOf("mailbox.put")).isLessThan(r.out().indexOf("domain.put"));
        CliRun json = store.run("audit", "list", "--actor", "bob", "--json");
        assertThat(json.out()).contains("\"action\" : \"mailbox.put\"", "\"host\" : ").doesNotContain("domain.put");
    }

    @Test
    void filtersByActionTargetAndTime() {
        store.run("domain", "add", "example.org");
        store.run("domain", "add", "example.net");
        assertThat(store.run("audit", "list", "--target", "example.net").out()).contains("example.net").doesNotContain("example.org");
        assertThat(store.run("audit", "list", "--action", "mailbox").out()).contains("No audit entries.");
        assertThat(store.run("audit", "list", "--until", "1d").out()).contains("No audit entries.");
        assertThat(store.run("audit", "list", "--limit", "0").exit()).isEqualTo(2);
    }

    @Test
    void purgeKeepsRecentEntriesAndRecordsItself() {
        store.run("domain", "add", "example.org");
        CliRun r = store.run("audit", "purge", "--days", "1");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Purged 0 audit entr(ies) older than 1 days.");
        assertThat(store.run("audit", "list").out()).contains("audit.purge", "domain.put");
        assertThat(store.run("audit", "purge", "--days", "0").exit()).isEqualTo(2);
    }
}
