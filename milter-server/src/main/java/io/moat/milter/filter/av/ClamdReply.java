// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import io.moat.milter.filter.av.ScanResult.Cause;

/** clamd's one-line answer to INSTREAM, read as a {@link ScanResult}. */
final class ClamdReply {
    private static final String FOUND = " FOUND";

    private ClamdReply() {
    }

    static ScanResult parse(String raw) {
        String reply = raw.replace("\0", "").strip();
        if (reply.isEmpty()) {
            return new ScanResult.Failed(Cause.UNAVAILABLE, "clamd closed the connection without an answer");
        }
        // With IDSESSION clamd prefixes "N: "; a plain INSTREAM answer starts with "stream: ".
        String body = reply.startsWith("stream: ") ? reply.substring(8) : reply;
        if (body.equals("OK")) {
            return ScanResult.CLEAN;
        }
        if (body.endsWith(FOUND) && body.length() > FOUND.length() && reply.startsWith("stream: ")) {
            return new ScanResult.Infected(body.substring(0, body.length() - FOUND.length()));
        }
        if (reply.contains("size limit exceeded")) {
            return new ScanResult.Failed(Cause.TOO_LARGE, "clamd: " + reply);
        }
        return new ScanResult.Failed(Cause.ERROR, "clamd: " + truncate(reply));
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
