// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Walks one message as a mime4j token stream: each leaf body is handed to a visitor as a decoded
 * stream (base64 and quoted-printable undone) while the parser reads on, so no part is held in
 * memory and nested message/rfc822 parts are walked in place. Broken MIME is read leniently; what
 * the parser had to forgive is returned as problems, and a parse that cannot go on ends the walk
 * with {@code complete == false} instead of an exception.
 */
public final class MimeWalker {
    /** Deeper multipart nesting than this is an attack on parsers and scanners, not mail. */
    public static final int MAX_MULTIPART_NESTING = 64;
    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(1024 * 1024)
            .setMaxHeaderLen(1024 * 1024)
            .setMaxHeaderCount(10_000)
            .build();

    /** Receives each leaf body; may read as much of the stream as it wants. */
    @FunctionalInterface
    public interface LeafVisitor {
        void leaf(MimePart part, InputStream decoded) throws IOException;
    }

    /** How a walk went: leaves seen, what the parser had to forgive, whether it reached the end. */
    public record Walk(int leaves, List<String> problems, boolean complete) {
        public Walk {
            problems = List.copyOf(problems);
        }
    }

    private final int maxDepth;
    private final int maxNesting;

    /** A walker that refuses messages nested deeper than {@code maxDepth} and multiparts deeper than 64. */
    public MimeWalker(int maxDepth) {
        this(maxDepth, MAX_MULTIPART_NESTING);
    }

    public MimeWalker(int maxDepth, int maxMultipartNesting) {
        this.maxDepth = maxDepth;
        this.maxNesting = maxMultipartNesting;
    }

    /**
     * Walks {@code message} (headers, blank line, body), which sits at {@code depth} (0 for the
     * message itself, more for a message inside an archive).
     *
     * @throws ContentLimitException when nesting passes the limit, or the visitor's limits
     * @throws IOException when reading fails or the visitor fails
     */
    public Walk walk(InputStream message, int depth, LeafVisitor visitor) throws IOException {
        Problems problems = new Problems();
        MimeTokenStream tokens = new MimeTokenStream(CONFIG, problems, null);
        tokens.setRecursionMode(RecursionMode.M_RECURSE);
        tokens.parse(message);
        Deque<String> multiparts = new ArrayDeque<>();
        int messages = 0;
        int leaves = 0;
        Map<String, String> type = Map.of();
        Map<String, String> disposition = Map.of();
        try {
            for (EntityState s = tokens.getState(); s != EntityState.T_END_OF_STREAM; s = tokens.next()) {
                switch (s) {
                    case T_START_HEADER -> {
                        type = Map.of();
                        disposition = Map.of();
                    }
                    case T_FIELD -> {
                        Field f = tokens.getField();
                        String name = f.getName().toLowerCase(Locale.ROOT);
                        if (name.equals("content-type")) {
                            type = parameters(f);
                            if (f.getBody().stripLeading().regionMatches(true, 0, "multipart/", 0, 10)
                                    && !type.containsKey("boundary")) {
                                problems.warn("multipart without a boundary parameter", "");
                            }
                        } else if (name.equals("content-disposition")) {
                            disposition = parameters(f);
                        }
                    }
                    case T_START_MULTIPART -> {
                        multiparts.push(tokens.getBodyDescriptor().getMimeType());
                        if (multiparts.size() > maxNesting) {
                            throw new ContentLimitException(ContentLimitException.Limit.MULTIPART_NESTING,
                                    "multipart nesting deeper than " + maxNesting);
                        }
                    }
                    case T_END_MULTIPART -> multiparts.pop();
                    case T_START_MESSAGE -> {
                        messages++;
                        if (depth + messages - 1 > maxDepth) {
                            throw new ContentLimitException(ContentLimitException.Limit.DEPTH,
                                    "messages nested deeper than " + maxDepth);
                        }
                    }
                    case T_END_MESSAGE -> messages--;
                    case T_BODY -> {
                        leaves++;
                        BodyDescriptor bd = tokens.getBodyDescriptor();
                        MimePart part = new MimePart(leaves, bd.getMimeType().toLowerCase(Locale.ROOT), type,
                                PartName.of(disposition, type), bd.getCharset(),
                                multiparts.isEmpty() ? "" : multiparts.peek(), depth + Math.max(0, messages - 1));
                        visitor.leaf(part, tokens.getDecodedInputStream());
                    }
                    default -> {
                        // preamble, epilogue, part boundaries: nothing to look at
                    }
                }
            }
        } catch (MimeException e) {
            problems.warn("cannot parse further: " + e.getMessage(), "");
            return new Walk(leaves, problems.list, false);
        }
        return new Walk(leaves, problems.list, true);
    }

    private static Map<String, String> parameters(Field f) {
        RawField raw = f instanceof RawField r ? r : new RawField(f.getName(), f.getBody());
        Map<String, String> out = new HashMap<>();
        for (NameValuePair p : RawFieldParser.DEFAULT.parseRawBody(raw).getParams()) {
            if (p.getName() != null && p.getValue() != null) {
                out.putIfAbsent(p.getName().toLowerCase(Locale.ROOT), p.getValue());
            }
        }
        return out;
    }

    /**
     * Collects what the lenient parser forgave (at most 20 lines), instead of throwing. Deviations
     * that are everyday in real mail and change nothing in what is read (bare LF, obsolete header
     * syntax, soft line breaks with trailing space) are not problems.
     */
    private static final class Problems extends DecodeMonitor {
        private static final List<String> TRIVIA = List.of("Found LF without CR", "Obsolete header encountered",
                "Found non-standard soft line break");
        private final List<String> list = new ArrayList<>();

        @Override
        public boolean warn(String message, String dummy) {
            if (TRIVIA.stream().anyMatch(message::startsWith)) {
                return false;
            }
            if (list.size() < 20) {
                list.add(message);
            }
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }
}
