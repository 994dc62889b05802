// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import io.moat.rules.message.Message;
import io.moat.rules.message.MimePart;
import java.util.Locale;
import java.util.Set;

/** Tokens of the message's form: MIME types, charsets, encodings, attachment types, size, defects. */
final class ShapeTokens {
    private ShapeTokens() {
    }

    static void add(Message message, Set<String> out) {
        boolean html = false;
        boolean plain = false;
        for (MimePart p : message.parts()) {
            out.add("ct:" + Tokenizer.cap(p.mediaType()));
            out.add("cs:" + Tokenizer.cap(p.charset()));
            out.add("cte:" + Tokenizer.cap(p.transferEncoding()));
            html |= p.mediaType().equals("text/html");
            plain |= p.mediaType().equals("text/plain");
            int dot = p.filename().lastIndexOf('.');
            if (dot >= 0) {
                out.add(Tokenizer.cap("att:" + p.filename().substring(dot + 1).toLowerCase(Locale.ROOT)));
            }
        }
        out.add("mime:parts:" + Math.min(message.parts().size(), 6));
        if (html && !plain) {
            out.add("mime:html-only");
        }
        out.add("len:" + (32 - Integer.numberOfLeadingZeros(message.bodyText().length())));
        out.add("uris:" + Math.min(message.uris().size(), 10));
        for (String d : message.defects()) {
            out.add(Tokenizer.cap("defect:" + d));
        }
    }
}
