// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter;

import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Classes as spam any message whose body carries GTUBE, the Generic Test for Unsolicited Bulk
 * Email that SpamAssassin and rspamd honour, so admins can test the spam path end to end.
 */
public final class GtubeFilter implements Filter {
    /** The published test string. */
    static final byte[] GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "gtube";
    }

    @Override
    public Stage stage() {
        return Stage.EOM;
    }

    @Override
    public FilterResult evaluate(FilterContext ctx) throws IOException {
        try (InputStream body = ctx.message().body().open()) {
            if (contains(body, GTUBE, ctx.message().body().size())) {
                return FilterResult.found(new Finding("GTUBE", 1000, "GTUBE test string in body", Classification.SPAM));
            }
        }
        return FilterResult.PASS;
    }

    /** Streams through {@code in} once, keeping an overlap so a match across reads is found. */
    static boolean contains(InputStream in, byte[] needle, long sizeHint) throws IOException {
        // Sized to the body when it is small: most mail is a few KB, and this runs for every message.
        byte[] buf = new byte[(int) Math.max(needle.length, Math.min(65536, sizeHint)) + needle.length];
        int keep = 0;
        int n;
        while ((n = in.read(buf, keep, buf.length - keep)) > 0) {
            int len = keep + n;
            if (indexOf(buf, len, needle) >= 0) {
                return true;
            }
            keep = Math.min(needle.length - 1, len);
            System.arraycopy(buf, len - keep, buf, 0, keep);
        }
        return false;
    }

    private static int indexOf(byte[] hay, int len, byte[] needle) {
        byte first = needle[0];
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
