// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Walks the MIME tree of one message, decoding each text part once. One instance per message. */
final class MimeWalker {
    private static final int MAX_DEPTH = 12;
    private static final int MAX_PARTS = 250;
    private static final int MAX_TEXT = 300_000;

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder rawBody = new StringBuilder();
    private final List<String> links = new ArrayList<>();
    private final List<MimePart> parts = new ArrayList<>();
    private final List<String> defects = new ArrayList<>();

    private MimeWalker() {
    }

    static Message walk(String message) {
        MimeWalker w = new MimeWalker();
        HeaderBlock top = HeaderBlock.split(message);
        if (top.headers().fields().isEmpty()) {
            w.defects.add("no header fields");
        }
        String subject = top.headers().decoded("Subject");
        w.text.append(subject).append('\n');
        w.entity(top, 0);
        String unfolded = w.text.toString();
        UriFinder.find(unfolded, w.links);
        List<String> uris = new ArrayList<>(new LinkedHashSet<>(w.links));
        return new Message(top.headers(), top.raw(), message, MessageParser.fold(unfolded), w.rawBody.toString(),
                uris, w.parts, w.defects);
    }

    private void entity(HeaderBlock e, int depth) {
        if (depth > MAX_DEPTH || parts.size() >= MAX_PARTS) {
            defects.add("MIME nesting or part count over limit");
            return;
        }
        String type = e.headers().mediaType("text/plain");
        if (type.startsWith("multipart/")) {
            multipart(e, depth);
        } else if (type.equals("message/rfc822")) {
            HeaderBlock inner = HeaderBlock.split(e.body());
            text.append(inner.headers().decoded("Subject")).append('\n');
            entity(inner, depth + 1);
        } else {
            leaf(e, type);
        }
    }

    private void multipart(HeaderBlock e, int depth) {
        String boundary = e.headers().parameter("Content-Type", "boundary").orElse("");
        if (boundary.isEmpty()) {
            defects.add("multipart without boundary");
            leaf(e, "text/plain");
            return;
        }
        List<String> bodies = MultipartSplitter.split(e.body(), boundary, defects);
        for (String body : bodies) {
            entity(HeaderBlock.split(body), depth + 1);
        }
    }

    private void leaf(HeaderBlock e, String type) {
        String cte = e.headers().first("Content-Transfer-Encoding").orElse("7bit").trim().toLowerCase(Locale.ROOT);
        String charset = e.headers().parameter("Content-Type", "charset").orElse("");
        String filename = e.headers().parameter("Content-Disposition", "filename")
                .or(() -> e.headers().parameter("Content-Type", "name")).orElse("");
        byte[] bytes = decode(e.body().getBytes(StandardCharsets.ISO_8859_1), cte);
        parts.add(new MimePart(type, charset.toLowerCase(Locale.ROOT), cte, EncodedWords.decode(filename), bytes.length));
        boolean attachment = !filename.isEmpty() && !type.startsWith("text/");
        if (!type.startsWith("text/") || attachment || text.length() > MAX_TEXT) {
            return;
        }
        String decoded = Charsets.decode(bytes, charset);
        rawBody.append(decoded).append('\n');
        if (type.equals("text/html") || (type.equals("text/plain") && looksLikeHtml(decoded))) {
            HtmlText.convert(decoded, text, links);
        } else {
            text.append(decoded);
        }
        text.append('\n');
    }

    private static boolean looksLikeHtml(String s) {
        String head = s.substring(0, Math.min(s.length(), 400)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<body");
    }

    private static byte[] decode(byte[] body, String cte) {
        if (cte.contains("base64")) {
            return TransferDecoding.base64(body);
        }
        if (cte.contains("quoted-printable")) {
            return TransferDecoding.quotedPrintable(body, false);
        }
        return body;
    }
}
