// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import io.moat.store.postgres.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {
    @TempDir
    Path dir;

    @Test
    void migrateCreatesAStoreAndCheckPassesThen() {
        String url = "jdbc:sqlite:" + dir.resolve("sub/moat.db");
        CliRun migrate = CliRun.run("store", "migrate", "--store", url);
        assertThat(migrate.exit()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("(sqlite): schema version 003, up to date.");
        CliRun check = CliRun.run("store", "check", "--store", url, "--json");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("\"upToDate\" : true", "\"schemaVersion\" : \"003\"");
    }

    @Test
    void aMissingStoreSaysHowToCreateIt() {
        CliRun r = CliRun.run("quarantine", "list", "--store", "jdbc:sqlite:" + dir.resolve("none.db"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no store at", "moat store migrate").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
    }

    @Test
    void anEmptyDatabaseFailsTheCheckWithPendingMigrations() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.db"));
        CliRun check = CliRun.run("store", "check", "--store", "jdbc:sqlite:" + file);
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("schema version none, 3 migration(s) pending.");
        assertThat(check.err()).contains("run 'moat store migrate'");
        CliRun list = CliRun.run("quarantine", "list", "--store", "jdbc:sqlite:" + file);
        assertThat(list.exit()).isEqualTo(1);
        assertThat(list.err()).contains("3 migration(s) pending: run 'moat store migrate'");
    }

    @Test
    void anUnreachableDatabaseIsAClearError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.run("store", "check", "--store", "jdbc:postgresql://127.0.0.1:" + port + "/moat?user=moat&password=s3cret");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("moat: cannot open the store at jdbc:postgresql://127.0.0.1:" + port + "/moat?user=moat&password=***")
                .doesNotContain("s3cret").doesNotContain("\tat ");
    }

    @Test
    void anUnknownUrlSchemeIsRefused() {
        CliRun r = CliRun.run("store", "check", "--store", "mysql://localhost/moat");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("store URL must start with jdbc:sqlite: or jdbc:postgresql:");
    }

    @Test
    void theConfigFileNamesTheStore() throws IOException {
        TestStore store = TestStore.in(dir);
        Path config = Files.writeString(dir.resolve("moat.yml"), "store:\n  url: " + store.url() + "\n");
        CliRun r = CliRun.run("store", "check", "--config", config.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains(store.url());
        CliRun missing = CliRun.run("store", "check", "--config", dir.resolve("nope.yml").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("config file").contains("not found");
    }

    @Test
    void migrateAndCheckOnARealPostgresServer() {
        String url = PostgresServer.shared().createDatabase("cli_store");
        CliRun migrate = CliRun.run("store", "migrate", "--store", url);
        assertThat(migrate.exit()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("(postgresql): schema version 003, up to date.");
        assertThat(CliRun.run("domain", "add", "example.org", "--store", url).exit()).isZero();
        assertThat(CliRun.run("domain", "list", "--store", url).out()).contains("example.org");
    }

    @Test
    void purgeAppliesEveryRetention() {
        TestStore store = TestStore.in(dir);
        CliRun r = store.run("store", "purge");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Purged 0 quarantined message(s), 0 message-log row(s), 0 audit entr(ies).");
        assertThat(store.run("audit", "list").out()).contains("store.purge");
    }
}
