// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.List;

/** The From field names a mailbox, and the Date field is a date. */
public final class AddressCheck implements HeaderCheck {
    @Override
    public List<Finding> check(MessageHeaders h) {
        List<Finding> out = new ArrayList<>();
        List<String> from = h.values("From");
        if (!from.isEmpty() && MailboxSyntax.firstAddress(from.getFirst()).isEmpty()) {
            out.add(HeaderSymbol.HDR_FROM_MALFORMED.finding(shorten(from.getFirst())));
        }
        List<String> date = h.values("Date");
        if (!date.isEmpty() && !DateSyntax.isDate(date.getFirst())) {
            out.add(HeaderSymbol.HDR_DATE_MALFORMED.finding(shorten(date.getFirst())));
        }
        return out;
    }

    static String shorten(String s) {
        String one = s.replace('\n', ' ').strip();
        return one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }
}
