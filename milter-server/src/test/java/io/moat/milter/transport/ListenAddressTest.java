// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Listen addresses in Postfix's notation, as an admin writes them in main.cf and moat.yml. */
class ListenAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "inet:127.0.0.1:7357     | 127.0.0.1 | 7357 | inet:127.0.0.1:7357",
            "inet:[::1]:7357         | ::1       | 7357 | inet:[::1]:7357",
            "inet6:[2001:db8::5]:25  | 2001:db8::5 | 25 | inet:[2001:db8::5]:25",
            "inet:localhost:0        | localhost | 0    | inet:localhost:0",
            "'  inet:0.0.0.0:65535 ' | 0.0.0.0   | 65535 | inet:0.0.0.0:65535",
    })
    void inetAddressesAreParsed(String spec, String host, int port, String shown) {
        ListenAddress a = ListenAddress.parse(spec);

        assertThat(a).isEqualTo(new ListenAddress.Inet(host, port));
        assertThat(a.toString()).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix:/run/moat/milter.sock", "unix:/var/spool/postfix/moat/milter"})
    void unixAddressesAreParsed(String spec) {
        ListenAddress a = ListenAddress.parse(spec);

        assertThat(a).isEqualTo(new ListenAddress.Unix(Path.of(spec.substring(5))));
        assertThat(a.toString()).isEqualTo(spec);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unix:relative/milter.sock | must be absolute",
            "unix:                     | must be absolute",
            "inet:7357                 | expected inet:HOST:PORT",
            "inet::7357                | missing host",
            "inet:[]:7357              | missing host",
            "inet:localhost:smtp       | bad port",
            "inet:localhost:           | bad port",
            "inet:[::1]                | bad port",
            "inet:localhost:70000      | port must be 0..65535",
            "inet:localhost:-1         | port must be 0..65535",
            "tcp:127.0.0.1:25          | expected inet:HOST:PORT or unix:PATH",
            "127.0.0.1:25              | expected inet:HOST:PORT or unix:PATH",
            "' '                       | expected inet:HOST:PORT or unix:PATH",
    })
    void badFormsAreRefusedSayingWhatIsWrong(String spec, String message) {
        assertThatThrownBy(() -> ListenAddress.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
