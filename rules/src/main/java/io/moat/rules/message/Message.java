// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.util.List;

/**
 * A parsed message, ready for scoring. Every derived text is computed once, at parse time.
 *
 * @param headers the top-level header fields
 * @param rawHeaders the header block as received (line endings normalised to LF)
 * @param full the whole message as received, headers and undecoded body
 * @param bodyText the subject line plus the decoded text of every text part, HTML turned to
 *     text, whitespace folded to single spaces: what {@code body} rules and tokens read
 * @param rawBody the decoded text parts, HTML kept, line breaks kept
 * @param uris the link targets found in HTML and plain text, in order, without duplicates
 * @param parts a summary of every leaf MIME part
 * @param defects what was wrong with the message (broken MIME, missing boundary...), in words
 */
public record Message(
        Headers headers,
        String rawHeaders,
        String full,
        String bodyText,
        String rawBody,
        List<String> uris,
        List<MimePart> parts,
        List<String> defects) {
    public Message {
        uris = List.copyOf(uris);
        parts = List.copyOf(parts);
        defects = List.copyOf(defects);
    }

    public String subject() {
        return headers.decoded("Subject");
    }
}
