// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * Reads one DNS response as a list's answer, with how long it may be cached: a listing for the
 * smallest TTL of its A records, a negative answer for the SOA minimum (RFC 2308) or the
 * configured negative TTL, a failure not at all. Every TTL is capped.
 */
public final class DnsReply {
    /** An answer and how long it stays true; zero means "do not cache". */
    public record Timed(RblAnswer answer, Duration ttl) {
    }

    private DnsReply() {
    }

    public static Timed interpret(Message response, RblZone zone, Duration negativeTtl, Duration maxTtl) {
        int rcode = response.getRcode();
        return switch (rcode) {
            case Rcode.NOERROR -> noError(response, zone, negativeTtl, maxTtl);
            case Rcode.NXDOMAIN -> new Timed(RblAnswer.NOT_LISTED, cap(negative(response, negativeTtl), maxTtl));
            case Rcode.REFUSED -> new Timed(new RblAnswer.ResolverBlocked("query refused (REFUSED)"), cap(negativeTtl, maxTtl));
            default -> new Timed(new RblAnswer.Unavailable("DNS error " + Rcode.string(rcode)), Duration.ZERO);
        };
    }

    private static Timed noError(Message response, RblZone zone, Duration negativeTtl, Duration maxTtl) {
        List<Integer> codes = new ArrayList<>();
        long ttl = Long.MAX_VALUE;
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof ARecord a) {
                codes.add(ReturnCodes.of(a.getAddress()));
                ttl = Math.min(ttl, a.getTTL());
            }
        }
        if (codes.isEmpty()) {
            return new Timed(RblAnswer.NOT_LISTED, cap(negative(response, negativeTtl), maxTtl));
        }
        Duration positive = cap(Duration.ofSeconds(ttl), maxTtl);
        for (int c : codes) {
            if (zone.isRefusal(c)) {
                return new Timed(new RblAnswer.ResolverBlocked("list answered " + ReturnCodes.format(c)), positive);
            }
        }
        for (int c : codes) {
            if (!ReturnCodes.isLoopback(c)) {
                return new Timed(new RblAnswer.Unavailable("answer " + ReturnCodes.format(c)
                        + " is outside 127.0.0.0/8 (a wildcarding resolver?)"), Duration.ZERO);
            }
        }
        return new Timed(new RblAnswer.Listed(codes), positive);
    }

    /** RFC 2308: a negative answer lives for the smaller of the SOA's TTL and its minimum field. */
    private static Duration negative(Message response, Duration fallback) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return Duration.ofSeconds(Math.min(soa.getTTL(), soa.getMinimum()));
            }
        }
        return fallback;
    }

    private static Duration cap(Duration ttl, Duration max) {
        return ttl.compareTo(max) > 0 ? max : ttl;
    }
}
