// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotstuffingTest {
    private static String encode(String s) {
        return new String(Dotstuffing.encode(s.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void leadingDotsAreDoubledAndLineEndsBecomeCrlf() {
        assertThat(encode(".a\n..b\r\nc.d\r.\n")).isEqualTo("..a\r\n...b\r\nc.d\r\n..\r\n");
    }

    @Test
    void aMissingFinalLineEndIsAdded() {
        assertThat(encode("a\r\nb")).isEqualTo("a\r\nb\r\n");
        assertThat(encode("")).isEmpty();
    }
}
