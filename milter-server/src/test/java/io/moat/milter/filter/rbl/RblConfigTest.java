// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rbl:} section of moat.yml, read through the daemon's ConfigLoader. */
class RblConfigTest {
    @TempDir
    Path dir;

    private MoatConfig load(String yaml) throws IOException, ConfigException {
        Path f = dir.resolve("moat.yml");
        Files.writeString(f, yaml);
        return new ConfigLoader("mx.test", dir).load(f);
    }

    @Test
    void defaultsHaveNoListsAndATwoSecondDeadline() {
        RblSettings rbl = new ConfigLoader("mx.test", dir).defaults().rbl();
        assertThat(rbl.zones()).isEmpty();
        assertThat(rbl.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rbl.resolver()).isEqualTo(new InetSocketAddress("127.0.0.1", 53));
    }

    @Test
    void zonesWithCodesMasksAndRefusalCodesAreRead() throws Exception {
        RblSettings rbl = load("""
                rbl:
                  resolver: "[::1]:5353"
                  timeout: 1500ms
                  negative-ttl: 10m
                  zones:
                    - name: ZEN
                      zone: zen.example
                      weight: 3
                      reject: true
                      codes:
                        - { value: 127.0.0.2, symbol: RBL_ZEN_SBL, weight: 4 }
                        - { mask: "0x0c", symbol: RBL_ZEN_PBL, weight: 1 }
                    - name: URIBL
                      zone: multi.uribl.example
                      type: domain
                      weight: 2.5
                      refusal-codes: [127.0.0.1]
                """).rbl();
        assertThat(rbl.resolver().getPort()).isEqualTo(5353);
        assertThat(rbl.timeout()).isEqualTo(Duration.ofMillis(1500));
        RblZone zen = rbl.zones().getFirst();
        assertThat(zen.reject()).isTrue();
        assertThat(zen.codes()).extracting(CodeRule::match)
                .containsExactly(new CodeRule.Exact(0x7f000002), new CodeRule.Mask(0x0c));
        RblZone uribl = rbl.zones().get(1);
        assertThat(uribl.kind()).isEqualTo(RblZone.Kind.DOMAIN);
        assertThat(uribl.isRefusal(0x7f000001)).isTrue();
    }

    @Test
    void errorsNameTheKeyPath() {
        assertThatThrownBy(() -> load("""
                rbl:
                  zones:
                    - { name: ZEN, zone: zen.example }
                    - { name: SORBS, zone: dnsbl.example, codes: [ { value: 127.0.0.300, symbol: X } ] }
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("rbl.zones[1].codes[0].value");
        assertThatThrownBy(() -> load("""
                rbl:
                  zones:
                    - { name: wl, zone: wl.example }
                """)).hasMessageContaining("rbl.zones[0]").hasMessageContaining("UPPER_SNAKE");
        assertThatThrownBy(() -> load("rbl: { resolver: dns.example }")).hasMessageContaining("rbl.resolver");
        assertThatThrownBy(() -> load("rbl: { timeout: 0s }")).hasMessageContaining("rbl.timeout");
    }
}
