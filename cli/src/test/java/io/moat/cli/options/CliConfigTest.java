// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.store.Retention;
import io.moat.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsTheStoreReleaseAndRetentionKeys() throws IOException {
        Path f = Files.writeString(dir.resolve("moat.yml"), """
                listen: [inet:127.0.0.1:7357]
                store:
                  url: jdbc:postgresql://db.example.com:5432/moat
                  user: moat
                  password: hunter22
                  pool-size: 20
                release:
                  smtp: 127.0.0.1:10099
                retention:
                  quarantine-days: 30
                """);
        CliConfig c = CliConfig.read(f);
        StoreConfig store = c.store(null);
        assertThat(store.url()).isEqualTo("jdbc:postgresql://db.example.com:5432/moat");
        assertThat(store.user()).isEqualTo("moat");
        assertThat(store.password()).isEqualTo("hunter22");
        assertThat(store.poolSize()).isEqualTo(20);
        assertThat(c.releaseSmtp()).isEqualTo("127.0.0.1:10099");
        assertThat(c.retention()).isEqualTo(new Retention(30, 180, 365));
        assertThat(c.toString()).doesNotContain("hunter22");
        assertThat(store.toString()).doesNotContain("hunter22");
    }

    @Test
    void theOverrideWinsAndDefaultsFillTheRest() throws IOException {
        Path f = Files.writeString(dir.resolve("moat.yml"), "store:\n  url: jdbc:sqlite:/from/file.db\n");
        assertThat(CliConfig.read(f).store("jdbc:sqlite:/from/flag.db").url()).isEqualTo("jdbc:sqlite:/from/flag.db");
        CliConfig empty = CliConfig.read(Files.writeString(dir.resolve("empty.yml"), ""));
        assertThat(empty.store(null).url()).isEqualTo(StoreConfig.DEFAULT_URL);
        assertThat(empty.releaseSmtp()).isEqualTo("127.0.0.1:10026");
    }

    @Test
    void aBrokenFileIsAClearError() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yml"), "store: [unclosed\n");
        assertThatThrownBy(() -> CliConfig.read(f)).isInstanceOf(CliException.class).hasMessageContaining("cannot read config file");
    }
}
