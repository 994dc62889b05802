// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class QueryNameTest {
    @Test
    void ipv4IsAskedAsReversedOctets() throws Exception {
        assertThat(QueryName.forAddress(InetAddress.getByName("192.0.2.10"), "zen.example")).isEqualTo("10.2.0.192.zen.example");
    }

    @Test
    void ipv6IsAskedAsThirtyTwoReversedNibbles() throws Exception {
        // RFC 5782 section 2.4 example address.
        assertThat(QueryName.reversed(InetAddress.getByName("2001:db8:1:2:3:4:567:89ab")))
                .isEqualTo("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2");
    }

    @Test
    void ipv6ZerosAreWrittenOutInFull() throws Exception {
        String q = QueryName.reversed(InetAddress.getByName("::1"));
        assertThat(q.split("\\.")).hasSize(32);
        assertThat(q).startsWith("1.0.0.0.").endsWith(".0.0");
    }

    @Test
    void domainIsLowerCasedAndAsciiEncoded() {
        assertThat(QueryName.forDomain("Spammer.EXAMPLE.", "dbl.test")).contains("spammer.example.dbl.test");
        assertThat(QueryName.forDomain("bücher.example", "dbl.test")).contains("xn--bcher-kva.example.dbl.test");
    }

    @Test
    void addressLiteralsAndSingleLabelsAreNotAskedOfDomainLists() {
        assertThat(QueryName.forDomain("[192.0.2.1]", "dbl.test")).isEmpty();
        assertThat(QueryName.forDomain("192.0.2.1", "dbl.test")).isEmpty();
        assertThat(QueryName.forDomain("localhost", "dbl.test")).isEmpty();
        assertThat(QueryName.forDomain("a..example", "dbl.test")).isEmpty();
    }
}
