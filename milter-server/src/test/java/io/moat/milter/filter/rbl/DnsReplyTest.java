// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** How DNS responses, built here as dnsjava messages, read as list answers and TTLs. */
class DnsReplyTest {
    private static final RblZone URIBL = new RblZone("URIBL", "uribl.example", RblZone.Kind.DOMAIN, 3, false, List.of(),
            Set.of(ReturnCodes.parse("127.0.0.1")));
    private static final Duration NEG = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofHours(1);

    private static Message response(int rcode, Record... answers) throws Exception {
        Name q = Name.fromString("x.example.uribl.example.");
        Message m = Message.newQuery(Record.newRecord(q, Type.A, DClass.IN));
        m.getHeader().setRcode(rcode);
        for (Record r : answers) {
            m.addRecord(r, r instanceof SOARecord ? Section.AUTHORITY : Section.ANSWER);
        }
        return m;
    }

    private static ARecord a(String ip, long ttl) throws Exception {
        return new ARecord(Name.fromString("x.example.uribl.example."), DClass.IN, ttl, InetAddress.getByName(ip));
    }

    private static SOARecord soa(long ttl, long minimum) throws Exception {
        Name zone = Name.fromString("uribl.example.");
        return new SOARecord(zone, DClass.IN, ttl, Name.fromString("ns.example."), Name.fromString("host.example."),
                1, 600, 300, 86400, minimum);
    }

    @Test
    void listingLivesForTheSmallestTtl() throws Exception {
        DnsReply.Timed t = DnsReply.interpret(response(Rcode.NOERROR, a("127.0.0.2", 900), a("127.0.0.4", 300)), URIBL, NEG, MAX);
        assertThat(t.answer()).isEqualTo(new RblAnswer.Listed(List.of(0x7f000002, 0x7f000004)));
        assertThat(t.ttl()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void nxdomainLivesForTheSmallerOfSoaTtlAndMinimum() throws Exception {
        DnsReply.Timed t = DnsReply.interpret(response(Rcode.NXDOMAIN, soa(120, 60)), URIBL, NEG, MAX);
        assertThat(t.answer()).isInstanceOf(RblAnswer.NotListed.class);
        assertThat(t.ttl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void nxdomainWithoutSoaLivesForTheConfiguredNegativeTtl() throws Exception {
        assertThat(DnsReply.interpret(response(Rcode.NXDOMAIN), URIBL, NEG, MAX).ttl()).isEqualTo(NEG);
    }

    @Test
    void configuredRefusalCodeIsBlocked() throws Exception {
        // URIBL-style lists answer 127.0.0.1 when they refuse a resolver.
        assertThat(DnsReply.interpret(response(Rcode.NOERROR, a("127.0.0.1", 60)), URIBL, NEG, MAX).answer())
                .isInstanceOf(RblAnswer.ResolverBlocked.class);
    }

    @Test
    void refusedRcodeIsBlocked() throws Exception {
        assertThat(DnsReply.interpret(response(Rcode.REFUSED), URIBL, NEG, MAX).answer()).isInstanceOf(RblAnswer.ResolverBlocked.class);
    }

    @Test
    void servfailIsUnavailableAndNotCached() throws Exception {
        DnsReply.Timed t = DnsReply.interpret(response(Rcode.SERVFAIL), URIBL, NEG, MAX);
        assertThat(t.answer()).isInstanceOf(RblAnswer.Unavailable.class);
        assertThat(t.ttl()).isZero();
    }

    @Test
    void answerOutsideLoopbackIsUnavailableNotListed() throws Exception {
        // An ISP resolver that "helpfully" answers NXDOMAIN with its search page.
        assertThat(DnsReply.interpret(response(Rcode.NOERROR, a("198.51.100.7", 60)), URIBL, NEG, MAX).answer())
                .isInstanceOf(RblAnswer.Unavailable.class);
    }

    @Test
    void ttlIsCappedAtTheMaximum() throws Exception {
        assertThat(DnsReply.interpret(response(Rcode.NOERROR, a("127.0.0.2", 86400)), URIBL, NEG, MAX).ttl()).isEqualTo(MAX);
    }
}
