// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.filter.av.AntivirusSettings;
import io.moat.milter.filter.av.ClamdEndpoint;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.filter.content.ContentLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentConfigTest {
    @TempDir
    Path dir;

    private MoatConfig load(String yaml) throws Exception {
        Path f = dir.resolve("moat.yml");
        Files.writeString(f, yaml);
        return new ConfigLoader("mx.example", dir).load(f);
    }

    @Test
    void defaultsLimitTheWalkAndLeaveAntivirusOff() {
        MoatConfig c = new ConfigLoader("mx.example", dir).defaults();

        assertThat(c.contentLimits()).isEqualTo(ContentLimits.DEFAULTS);
        assertThat(c.bannedTypes()).isEqualTo(BannedTypes.DEFAULTS);
        assertThat(c.antivirus().enabled()).isFalse();
    }

    @Test
    void contentAndAntivirusSectionsAreRead() throws Exception {
        MoatConfig c = load("""
                content:
                  max-depth: 4
                  max-parts: 200
                  max-expanded-bytes: 50MiB
                  max-expansion-ratio: 50
                  max-urls: 10
                  banned-types: [application/x-dosexec]
                  banned-extensions: [exe, .SCR]
                antivirus:
                  engines: [unix:/run/clamav/clamd.ctl, "tcp:10.0.0.5:3310"]
                  scan: parts
                  max-stream-size: 20MiB
                  connect-timeout: 1s
                  scan-timeout: 20s
                  max-connections: 8
                  fail-open: true
                  on-too-large: tempfail
                """);

        assertThat(c.contentLimits()).isEqualTo(new ContentLimits(4, 200, 50L << 20, 50, 10));
        assertThat(c.bannedTypes()).isEqualTo(new BannedTypes(Set.of("application/x-dosexec"), Set.of("exe", "scr")));
        AntivirusSettings av = c.antivirus();
        assertThat(av.engines()).containsExactly(new ClamdEndpoint.Unix(Path.of("/run/clamav/clamd.ctl")),
                new ClamdEndpoint.Tcp("10.0.0.5", 3310));
        assertThat(av.mode()).isEqualTo(AntivirusSettings.ScanMode.PARTS);
        assertThat(av.clamd().maxStreamSize()).isEqualTo(20L << 20);
        assertThat(av.clamd().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(av.failOpen()).isTrue();
        assertThat(av.onTooLarge()).isEqualTo(AntivirusSettings.TooLarge.TEMPFAIL);
        assertThat(c.withListen(c.listen()).antivirus()).isEqualTo(av);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> load("antivirus:\n  engines: [clamd.example:3310]\n"))
                .hasMessageContaining("antivirus.engines[0]").hasMessageContaining("tcp:HOST:PORT");
        assertThatThrownBy(() -> load("antivirus:\n  scan: everything\n"))
                .hasMessageContaining("antivirus.scan").hasMessageContaining("message, parts");
        assertThatThrownBy(() -> load("antivirus:\n  fail-open: maybe\n")).hasMessageContaining("antivirus.fail-open");
        assertThatThrownBy(() -> load("content:\n  max-depth: 0\n")).hasMessageContaining("content.max-depth");
        assertThatThrownBy(() -> load("content:\n  banned-types: [text/plain]\n")).hasMessageContaining("content.banned-types");
        assertThatThrownBy(() -> load("content:\n  max-zip: 3\n")).hasMessageContaining("content.max-zip: unknown key");
    }
}
