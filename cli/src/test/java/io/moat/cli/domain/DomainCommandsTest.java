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

    @Test
    void antivirusFailOpenAndBannedTypesAreSetShownAuditedAndRemoved() {
        store.run("domain", "add", "example.org");
        CliRun set = store.run("domain", "set", "example.org", "--antivirus-fail-open", "--banned-types", ".PDF, application/x-rar",
                "--actor", "carol", "--json");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).contains("\"antivirusFailOpen\" : true", "\"pdf\", \"application/x-rar\"",
                "\"bannedReplace\" : false", "\"passThrough\" : false");
        assertThat(store.run("domain", "show", "example.org").out())
                .contains("AV fail-open:   yes", "Banned types:   global list + pdf,application/x-rar");
        assertThat(store.run("policy", "show", "example.org").out()).contains("antivirus.fail-open", "banned.types");

        store.run("domain", "set", "example.org", "--banned-replace", "--banned-types", "", "--antivirus-fail-open", "false",
                "--actor", "carol");
        assertThat(store.run("domain", "show", "example.org", "--json").out())
                .contains("\"antivirusFailOpen\" : false", "\"bannedTypes\" : [ ]", "\"bannedReplace\" : true");
        assertThat(store.run("domain", "show", "example.org").out()).contains("Banned types:   only (none)");
        // Only the policy changed: each key is one audited change, the domain row is not rewritten.
        assertThat(store.run("audit", "list", "--actor", "carol").out())
                .contains("policy.set", "policy.unset", "antivirus.fail-open", "banned.types", "banned.replace")
                .doesNotContain("domain.put");
    }

    @Test
    void badFailOpenOrBannedValuesAreUsageErrorsAndChangeNothing() {
        store.run("domain", "add", "example.org");
        CliRun bool = store.run("domain", "set", "example.org", "--banned-types", "exe", "--antivirus-fail-open", "maybe");
        assertThat(bool.exit()).isEqualTo(2);
        assertThat(bool.err()).contains("antivirus.fail-open needs true or false");
        CliRun type = store.run("domain", "set", "example.org", "--banned-types", "text/plain");
        assertThat(type.exit()).isEqualTo(2);
        assertThat(type.err()).contains("would ban almost everything");
        assertThat(store.run("policy", "show", "example.org").out()).contains("No settings for example.org");
    }
}
