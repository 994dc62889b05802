// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.List;

/** Required fields present once (From, Date, Message-ID) and single-instance fields not repeated (RFC 5322 3.6). */
public final class FieldCountCheck implements HeaderCheck {
    private static final List<String> SINGLE = List.of("Subject", "To", "Cc", "Reply-To", "Sender");

    @Override
    public List<Finding> check(MessageHeaders h) {
        List<Finding> out = new ArrayList<>();
        count(h, "From", HeaderSymbol.HDR_MISSING_FROM, HeaderSymbol.HDR_DUPLICATE_FROM, out);
        count(h, "Date", HeaderSymbol.HDR_MISSING_DATE, HeaderSymbol.HDR_DUPLICATE_DATE, out);
        count(h, "Message-ID", HeaderSymbol.HDR_MISSING_MESSAGE_ID, HeaderSymbol.HDR_DUPLICATE_MESSAGE_ID, out);
        List<String> repeated = SINGLE.stream().filter(n -> h.count(n) > 1).toList();
        if (!repeated.isEmpty()) {
            out.add(HeaderSymbol.HDR_DUPLICATE_SINGLE.finding(String.join(", ", repeated)));
        }
        return out;
    }

    private static void count(MessageHeaders h, String name, HeaderSymbol missing, HeaderSymbol duplicate, List<Finding> out) {
        int n = h.count(name);
        if (n == 0) {
            out.add(missing.finding(name));
        } else if (n > 1) {
            out.add(duplicate.finding(n + " " + name + " fields"));
        }
    }
}
