// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code metrics:} keys, read and refused like every other key: errors name the key. */
class MetricsConfigTest {
    @TempDir
    Path dir;

    MoatConfig load(String yaml) throws Exception {
        Path file = dir.resolve("moat.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader("mx.test", dir).load(file);
    }

    @Test
    void metricsAreOnAndOnLoopbackByDefault() {
        MetricsSettings m = new ConfigLoader("mx.test", dir).defaults().metrics();
        assertThat(m).isEqualTo(MetricsSettings.DEFAULT);
        assertThat(m.enabled()).isTrue();
        assertThat(m.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(m.address().getPort()).isEqualTo(9357);
        assertThat(m.listenIsDefault()).isTrue();
    }

    @Test
    void readsEnabledAndListen() throws Exception {
        MetricsSettings m = load("metrics:\n  enabled: false\n  listen: \"192.0.2.10:9100\"\n").metrics();
        assertThat(m).isEqualTo(new MetricsSettings(false, "192.0.2.10", 9100, false));
        assertThat(load("metrics:\n  listen: \"[::1]:9357\"\n").metrics())
                .isEqualTo(new MetricsSettings(true, "::1", 9357, false));
        assertThat(load("metrics:\n  listen: localhost:0\n").metrics().listen()).isEqualTo("localhost:0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9357", "127.0.0.1", "127.0.0.1:", ":9357", "127.0.0.1:99999", "127.0.0.1:http",
        "::1:9357", "127.0.0.1:-1", "http://127.0.0.1:9357"})
    void aBadListenAddressIsAConfigErrorNamingTheKey(String listen) {
        assertThatThrownBy(() -> load("metrics:\n  listen: \"" + listen + "\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.listen:");
    }

    @Test
    void aBadEnabledValueOrAnUnknownKeyIsRefusedWithItsName() {
        assertThatThrownBy(() -> load("metrics:\n  enabled: yes please\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.enabled");
        assertThatThrownBy(() -> load("metrics:\n  port: 9357\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.port: unknown key");
        assertThatThrownBy(() -> load("metrics: on\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics");
    }
}
