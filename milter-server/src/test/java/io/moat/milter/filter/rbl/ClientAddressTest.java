// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void publicAddressesAreChecked() {
        assertThat(ClientAddress.parse("192.0.2.1")).isPresent();
        assertThat(ClientAddress.parse("IPv6:2001:db8::1")).isPresent();
    }

    @Test
    void localAndPrivateAddressesAreNeverSentToAList() {
        assertThat(ClientAddress.parse("127.0.0.1")).isEmpty();
        assertThat(ClientAddress.parse("10.1.2.3")).isEmpty();
        assertThat(ClientAddress.parse("192.168.1.1")).isEmpty();
        assertThat(ClientAddress.parse("::1")).isEmpty();
        assertThat(ClientAddress.parse("fd00::1")).isEmpty();
        assertThat(ClientAddress.parse("fe80::1")).isEmpty();
    }

    @Test
    void hostNamesAreNotResolved() {
        assertThat(ClientAddress.parse("mail.example.org")).isEmpty();
        assertThat(ClientAddress.parse("")).isEmpty();
    }
}
