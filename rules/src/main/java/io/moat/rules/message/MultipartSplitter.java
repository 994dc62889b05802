// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.ArrayList;
import java.util.List;

/** Cuts a multipart body into its parts at the boundary delimiter lines (RFC 2046 5.1.1). */
final class MultipartSplitter {
    private MultipartSplitter() {
    }

    static List<String> split(String body, String boundary, List<String> defects) {
        String delimiter = "--" + boundary;
        List<String> parts = new ArrayList<>();
        int start = -1;
        int pos = 0;
        boolean closed = false;
        while (pos <= body.length()) {
            int nl = body.indexOf('\n', pos);
            int lineEnd = nl < 0 ? body.length() : nl;
            if (body.startsWith(delimiter, pos)) {
                boolean close = body.startsWith("--", pos + delimiter.length());
                if (start >= 0) {
                    parts.add(body.substring(start, Math.max(start, pos - 1)));
                }
                if (close) {
                    closed = true;
                    break;
                }
                start = Math.min(lineEnd + 1, body.length());
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        if (!closed) {
            defects.add("multipart without closing boundary");
            if (start >= 0) {
                parts.add(body.substring(start));
            }
        }
        if (parts.isEmpty()) {
            defects.add("multipart without parts");
        }
        return parts;
    }
}
