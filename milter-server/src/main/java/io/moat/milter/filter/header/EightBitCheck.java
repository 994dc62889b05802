// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.session.HeaderField;
import io.moat.milter.verdict.Finding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Unencoded 8-bit bytes in header fields. Header text arrives as ISO-8859-1 (one char per byte),
 * so a char above 127 is a raw byte. Bytes that form valid UTF-8 are a weak signal (RFC 6532 allows
 * them with SMTPUTF8); anything else is raw 8-bit, which RFC 5322 forbids: a breakage (bad-header)
 * in address, Date and Message-ID fields, a weight elsewhere (RSS gateways write raw Latin-1 subjects).
 */
public final class EightBitCheck implements HeaderCheck {
    /** Fields whose syntax raw bytes break; elsewhere (Subject, X-*) they are only badly encoded text. */
    private static final Set<String> STRUCTURED = Set.of("from", "sender", "reply-to", "to", "cc", "bcc", "date", "message-id");

    @Override
    public List<Finding> check(MessageHeaders h) {
        List<String> structured = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String> utf8 = new ArrayList<>();
        for (HeaderField f : h.fields()) {
            String text = f.name() + f.value();
            if (!hasEightBit(text)) {
                continue;
            }
            if (validUtf8(text)) {
                utf8.add(f.name());
            } else {
                (STRUCTURED.contains(f.name().toLowerCase(Locale.ROOT)) ? structured : raw).add(f.name());
            }
        }
        if (!structured.isEmpty()) {
            return List.of(HeaderSymbol.HDR_8BIT_RAW_ADDRESS.finding(String.join(", ", structured)));
        }
        if (!raw.isEmpty()) {
            return List.of(HeaderSymbol.HDR_8BIT_RAW.finding(String.join(", ", raw)));
        }
        return utf8.isEmpty() ? List.of() : List.of(HeaderSymbol.HDR_8BIT_UTF8.finding(String.join(", ", utf8)));
    }

    static boolean hasEightBit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return true;
            }
        }
        return false;
    }

    static boolean validUtf8(String latin1) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
