// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.SmtpReplyText;

/** An SMTP reply the sender will read: a 4xx/5xx code, an RFC 3463 enhanced code and a text. */
public record SmtpReply(int code, String enhanced, String text) {
    public SmtpReply {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("a milter reply must be 4xx or 5xx, not " + code);
        }
        SmtpReplyText.format(code, enhanced, text); // validates the whole reply
    }

    public static SmtpReply tempfail(String text) {
        return new SmtpReply(451, "4.7.1", text);
    }

    public Response.ReplyCode toResponse() {
        return Response.ReplyCode.of(code, enhanced, text);
    }

    @Override
    public String toString() {
        return code + " " + enhanced + " " + text;
    }
}
