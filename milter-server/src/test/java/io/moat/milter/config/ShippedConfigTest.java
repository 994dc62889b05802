// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.session.NoReply;
import io.moat.milter.transport.ListenAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example config shipped in etc/moat.yml loads, and says what the embedded defaults say. */
class ShippedConfigTest {
    private static final Path SHIPPED = Path.of("..", "etc", "moat.yml");

    @Test
    void shippedExampleLoadsAndMatchesTheDefaults() throws Exception {
        assertThat(SHIPPED).exists();
        ConfigLoader loader = new ConfigLoader("mx.example.org", Path.of("/tmp/moat-spool"));
        MoatConfig shipped = loader.load(SHIPPED);
        MoatConfig defaults = loader.load(Files.writeString(Files.createTempFile("empty", ".yml"), ""));

        assertThat(shipped.listen()).containsExactly(new ListenAddress.Inet("127.0.0.1", 7357),
                new ListenAddress.Unix(Path.of("/run/moat/milter.sock")));
        assertThat(shipped.noReply()).isEqualTo(NoReply.ALL).isEqualTo(defaults.noReply());
        assertThat(shipped.maxMessageSize()).isEqualTo(defaults.maxMessageSize());
        assertThat(shipped.spamThreshold()).isEqualTo(defaults.spamThreshold());
        assertThat(shipped.actions()).isEqualTo(defaults.actions());
        assertThat(shipped.metrics().port()).isEqualTo(defaults.metrics().port());
    }
}
