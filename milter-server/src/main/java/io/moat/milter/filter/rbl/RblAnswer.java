// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.util.List;

/**
 * What one list said about one name. Absence is not failure: a list that refused to answer or did
 * not answer in time is never taken as "not listed".
 */
public sealed interface RblAnswer {
    /** The name is on the list; the return codes are the A records, e.g. 127.0.0.2, as 32-bit values. */
    record Listed(List<Integer> codes) implements RblAnswer {
        public Listed {
            codes = List.copyOf(codes);
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("a listing needs at least one return code");
            }
        }
    }

    /** NXDOMAIN (or no A record): the name is not on the list. */
    record NotListed() implements RblAnswer {
    }

    /** The list refused us (127.255.255.x, a configured refusal code, or REFUSED): no opinion, but counted. */
    record ResolverBlocked(String reason) implements RblAnswer {
    }

    /** No usable answer within the deadline (timeout, SERVFAIL, network error, bogus answer). */
    record Unavailable(String cause) implements RblAnswer {
    }

    NotListed NOT_LISTED = new NotListed();
}
