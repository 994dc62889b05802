// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Macro values by stage: newest stage wins, and clearing from a stage forgets it and all later ones. */
class MacrosTest {

    @Test
    void braceAndBareNamesFindTheSameMacro() {
        Macros m = new Macros();
        m.define('C', Map.of("{client_addr}", "192.0.2.1", "j", "mx"));

        assertThat(m.get("client_addr")).contains("192.0.2.1");
        assertThat(m.get("{client_addr}")).contains("192.0.2.1");
        assertThat(m.get("{j}")).contains("mx");
        assertThat(m.get("missing")).isEmpty();
    }

    @Test
    void laterStageShadowsEarlierStage() {
        Macros m = new Macros();
        m.define('M', Map.of("i", "FROM-MAIL"));
        m.define('E', Map.of("i", "FROM-EOM"));

        assertThat(m.get("i")).contains("FROM-EOM");
    }

    @Test
    void eachMacroPacketReplacesItsStage() {
        Macros m = new Macros();
        m.define('R', Map.of("{rcpt_addr}", "a@example.org"));
        m.define('R', Map.of("{rcpt_host}", "example.org"));

        assertThat(m.get("rcpt_addr")).isEmpty();
        assertThat(m.get("rcpt_host")).contains("example.org");
    }

    @Test
    void clearingFromMailForgetsTheMessageButKeepsConnectAndHelo() {
        Macros m = new Macros();
        m.define('C', Map.of("j", "mx", "{client_addr}", "192.0.2.1"));
        m.define('H', Map.of("{tls_version}", "TLSv1.3"));
        m.define('M', Map.of("{mail_addr}", "a@example.org"));
        m.define('T', Map.of("i", "4ABC"));
        m.define('E', Map.of("i", "4ABC"));

        m.clearFrom('M');

        assertThat(m.get("i")).isEmpty();
        assertThat(m.get("mail_addr")).isEmpty();
        assertThat(m.get("j")).contains("mx");
        assertThat(m.get("tls_version")).contains("TLSv1.3");
    }

    @Test
    void emptyMacroPacketClearsItsStage() {
        Macros m = new Macros();
        m.define('H', Map.of("{cipher}", "TLS_AES_256"));
        m.define('H', Map.of());

        assertThat(m.get("cipher")).isEmpty();
    }

    @Test
    void unknownStageIsKeptAndClearedWithTheMessage() {
        Macros m = new Macros();
        m.define('Z', Map.of("odd", "1"));

        assertThat(m.get("odd")).contains("1");
        m.clearFrom('M');
        assertThat(m.get("odd")).isEmpty();
    }

    @Test
    void clearAllForgetsEverything() {
        Macros m = new Macros();
        m.define('C', Map.of("j", "mx"));

        m.clearAll();

        assertThat(m.get("j")).isEmpty();
    }
}
