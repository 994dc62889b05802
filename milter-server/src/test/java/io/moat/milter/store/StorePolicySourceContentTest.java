// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.ConfiguredPolicySource;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.verdict.AttachedFile;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Decision;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.Scorer;
import io.moat.store.Actor;
import io.moat.store.Domain;
import io.moat.store.PolicyKey;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code moat policy set} stores for antivirus fail-open and banned types reaches each
 * recipient's policy, over the config file's per-domain settings, over the global ones.
 */
class StorePolicySourceContentTest {
    private static final Actor ADMIN = new Actor("admin", "localhost");
    private static final AttachedFile PDF = new AttachedFile("part 2 (r.pdf)", "r.pdf", List.of("application/pdf"));
    private static final AttachedFile EXE = new AttachedFile("part 2 (t.exe)", "t.exe",
            List.of("application/x-msdownload", "application/x-dosexec"));

    @TempDir
    Path dir;

    private Store store;
    private PolicySource policies;

    @BeforeEach
    void open() throws Exception {
        Path yml = Files.writeString(dir.resolve("moat.yml"), """
                antivirus:
                  fail-open: false
                envelope:
                  domains:
                    config-open.example:
                      antivirus-fail-open: true
                      banned-extensions: [pdf]
                """);
        MoatConfig config = new ConfigLoader("gw.test", dir.resolve("spool")).load(yml);
        store = Store.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("moat.db")), Clock.systemUTC());
        for (String d : List.of("example.org", "config-open.example", "lenient.example")) {
            store.domains().put(Domain.named(d), ADMIN);
        }
        store.policies().set("example.org", PolicyKey.ANTIVIRUS_FAIL_OPEN, "true", ADMIN);
        store.policies().set("example.org", PolicyKey.BANNED_TYPES, "pdf", ADMIN);
        store.policies().set("ann@example.org", PolicyKey.ANTIVIRUS_FAIL_OPEN, "false", ADMIN);
        store.policies().set("config-open.example", PolicyKey.ANTIVIRUS_FAIL_OPEN, "false", ADMIN);
        store.policies().set("lenient.example", PolicyKey.BANNED_REPLACE, "true", ADMIN);
        policies = new StorePolicySource(store.policies(), new ConfiguredPolicySource(config), config.bannedTypes(),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Decision with(AttachedFile f) {
        return new Scorer(5.0).decide(List.of(f.finding()));
    }

    @Test
    void failOpenComesFromTheMailboxOverTheDomainOverTheConfigFile() {
        assertThat(policies.forRecipient("bob@example.org").antivirusFailOpen()).isTrue();
        assertThat(policies.forRecipient("ann@example.org").antivirusFailOpen()).isFalse();
        assertThat(policies.forRecipient("x@config-open.example").antivirusFailOpen()).isFalse();
        assertThat(policies.forRecipient("x@elsewhere.example").antivirusFailOpen()).isFalse();
        assertThat(policies.mayDeliverUnscanned(List.of("bob@example.org", "ann@example.org"))).isFalse();
    }

    @Test
    void bannedTypesAddToTheGlobalListOrReplaceIt() {
        assertThat(policies.forRecipient("bob@example.org").classify(with(PDF))).isEqualTo(Classification.BANNED);
        assertThat(policies.forRecipient("bob@example.org").classify(with(EXE))).isEqualTo(Classification.BANNED);
        // The config file's domain list stays under the store's fail-open change.
        assertThat(policies.forRecipient("x@config-open.example").classify(with(PDF))).isEqualTo(Classification.BANNED);
        assertThat(policies.forRecipient("x@lenient.example").classify(with(EXE))).isEqualTo(Classification.CLEAN);
        assertThat(policies.forRecipient("x@elsewhere.example").classify(with(PDF))).isEqualTo(Classification.CLEAN);
    }
}
