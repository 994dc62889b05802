// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.verdict.Finding;
import java.util.List;

/** Each Received field ends with {@code ; date-time} (RFC 5322 3.6.7); broken ones are counted. */
public final class ReceivedCheck implements HeaderCheck {
    @Override
    public List<Finding> check(MessageHeaders h) {
        List<String> received = h.values("Received");
        int broken = 0;
        String first = "";
        for (String r : received) {
            int semi = r.lastIndexOf(';');
            if (semi < 0 || !DateSyntax.isDate(r.substring(semi + 1))) {
                if (broken++ == 0) {
                    first = AddressCheck.shorten(r);
                }
            }
        }
        return broken == 0 ? List.of()
                : List.of(HeaderSymbol.HDR_RECEIVED_BROKEN.finding(broken + " of " + received.size() + ", first: " + first));
    }
}
