// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandsTest {
    @TempDir
    Path dir;
    private TestStore store;

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
        store.run("domain", "add", "example.org");
    }

    @Test
    void setShowAndEffective() {
        assertThat(store.run("policy", "set", "example.org", "threshold.tag", "5").out()).contains("Set threshold.tag = 5.0 for example.org.");
        store.run("policy", "set", "example.org", "action.virus", "REJECT");
        store.run("policy", "set", "ann@example.org", "threshold.tag", "3");

        assertThat(store.run("policy", "show", "ann@example.org").out()).contains("threshold.tag", "3.0").doesNotContain("action.virus");
        CliRun effective = store.run("policy", "show", "ann@example.org", "--effective", "--json");
        assertThat(effective.out()).contains("\"threshold.tag\" : \"3.0\"", "\"action.virus\" : \"reject\"");
        assertThat(store.run("policy", "list").out()).contains("ann@example.org", "example.org");
    }

    @Test
    void unsetRemovesAndReportsAKeyNotSet() {
        store.run("policy", "set", "example.org", "senders.block", "*@spam.example, bad@x.net");
        assertThat(store.run("policy", "show", "example.org").out()).contains("*@spam.example,bad@x.net");
        assertThat(store.run("policy", "unset", "example.org", "senders.block").exit()).isZero();
        CliRun again = store.run("policy", "unset", "example.org", "senders.block");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("senders.block is not set for example.org");
        assertThat(store.run("policy", "show", "example.org").out()).contains("No settings for example.org");
    }

    @Test
    void badKeysAndValuesAreUsageErrors() {
        CliRun key = store.run("policy", "set", "example.org", "threshold.nope", "5");
        assertThat(key.exit()).isEqualTo(2);
        assertThat(key.err()).contains("unknown policy key 'threshold.nope'", "threshold.tag");
        CliRun value = store.run("policy", "set", "example.org", "action.spam", "explode");
        assertThat(value.exit()).isEqualTo(2);
        assertThat(value.err()).contains("unknown action 'explode'");
    }

    @Test
    void anUnknownDomainFails() {
        CliRun r = store.run("policy", "set", "nowhere.org", "threshold.tag", "5");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no domain 'nowhere.org'");
    }

    @Test
    void keysListsEveryKeyWithoutAStore() {
        CliRun r = CliRun.run("policy", "keys");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("threshold.quarantine", "action.bad-header", "banned.types", "comma-separated list",
                "antivirus.fail-open", "banned.replace", "true|false", "comma-separated extensions and media types");
    }

    @Test
    void failOpenAndBannedTypesAreOrdinaryKeys() {
        CliRun set = store.run("policy", "set", "example.org", "antivirus.fail-open", "Yes", "--json");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).contains("\"key\" : \"antivirus.fail-open\"", "\"value\" : \"true\"");
        assertThat(store.run("policy", "set", "example.org", "banned.types", "exe;rm -rf").exit()).isEqualTo(2);
    }
}
