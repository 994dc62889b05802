// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.filter.content.ContentLimitException.Limit;
import io.moat.milter.verdict.BannedTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Looks at one part or archive entry of one message: detects its true type, checks it against
 * the banned types and names, notes encryption, collects URLs from text, and opens archives and
 * nested messages, recursing under the message's {@link Inspection} budgets. Every byte it reads
 * is metered; whatever it does not need is drained through the meter, so a bomb cannot hide.
 */
final class PartInspector {
    private static final MediaType PGP = MediaType.parse("application/pgp-encrypted");
    private static final MediaType PKCS7 = MediaType.parse("application/pkcs7-mime");
    private static final MediaType MESSAGE = MediaType.parse("message/rfc822");

    private final TypeDetector detector;
    private final BannedTypes banned;
    private final ArchiveReader archives;
    private final MimeWalker walker;
    private final Inspection ins;

    PartInspector(TypeDetector detector, BannedTypes banned, ArchiveReader archives, MimeWalker walker, Inspection ins) {
        this.detector = detector;
        this.banned = banned;
        this.archives = archives;
        this.walker = walker;
        this.ins = ins;
    }

    /** A leaf of a MIME walk, at {@code prefix} (empty for the message itself). */
    void mimePart(String prefix, MimePart p, InputStream decoded) throws IOException {
        String location = prefix + p.location();
        String type = p.mediaType();
        if (type.equals("application/pkcs7-mime") || type.equals("application/x-pkcs7-mime")) {
            ins.add(ContentSymbol.ENCRYPTED_SMIME, location + ": " + type + " smime-type="
                    + p.typeParameters().getOrDefault("smime-type", "?"));
        } else if (p.enclosing().equals("multipart/encrypted") || type.equals("application/pgp-encrypted")) {
            ins.add(ContentSymbol.ENCRYPTED_PGP, prefix + "multipart/encrypted");
        }
        inspect(location, p.filename(), type, decoded, p.depth(), p.charset());
    }

    void inspect(String location, @Nullable String name, String declared, InputStream raw, int depth,
            @Nullable String charset) throws IOException {
        ins.countPart();
        BufferedInputStream in = new BufferedInputStream(new MeteredInputStream(raw, ins::expand), detector.readLimit());
        MediaType type = detector.detect(in, name);
        List<String> lineage = detector.lineage(type);
        ins.part(new PartInfo(location, name, declared, type.toString(), depth, lineage));
        banned.bannedType(lineage).ifPresent(t -> ins.add(ContentSymbol.BANNED_TYPE, location + ": " + type));
        banned.bannedExtension(name).ifPresent(e -> ins.add(ContentSymbol.BANNED_NAME, location + ": ." + e));
        Optional<ArchiveReader.Kind> kind = ArchiveReader.kindOf(type);
        if (kind.isPresent()) {
            archive(kind.get(), location, name, in, depth);
        } else if (type.equals(MESSAGE)) {
            nested(location, in, depth);
        } else if (ArchiveReader.unsupported(type)) {
            ins.add(ContentSymbol.ARCHIVE_UNSUPPORTED, location + ": " + type);
        } else if (detector.isA(type, PGP)) {
            ins.add(ContentSymbol.ENCRYPTED_PGP, location + ": " + type);
        } else if (detector.isA(type, PKCS7)) {
            ins.add(ContentSymbol.ENCRYPTED_SMIME, location + ": " + type);
        } else if (detector.isA(type, MediaType.TEXT_PLAIN)) {
            text(location, in, charset);
        }
        in.transferTo(OutputStream.nullOutputStream());
    }

    private void text(String location, InputStream in, @Nullable String charset) throws IOException {
        InputStreamReader reader = new InputStreamReader(in, charsetOf(charset));
        if (TextScanner.scan(reader, ins.urls(), ins.limits().maxUrls())) {
            ins.add(ContentSymbol.ENCRYPTED_PGP, location + ": inline PGP message");
        }
    }

    private void archive(ArchiveReader.Kind kind, String location, @Nullable String name, InputStream in, int depth)
            throws IOException {
        if (depth + 1 > ins.limits().maxDepth()) {
            ins.add(ContentSymbol.CONTENT_TOO_DEEP, location + ": not opened, deeper than " + ins.limits().maxDepth());
            return;
        }
        MeteredInputStream source = new MeteredInputStream(in, n -> { });
        Ratio ratio = new Ratio(source, ins.limits().maxExpansionRatio(), location);
        try {
            archives.read(kind, source, name == null ? "archive" : name, new ArchiveReader.EntryVisitor() {
                @Override
                public void entry(String entry, InputStream content) throws IOException {
                    inspect(location + " / " + entry, entry, "-", new MeteredInputStream(content, ratio::add), depth + 1, null);
                }

                @Override
                public void unreadable(String entry, String reason) {
                    ins.add(reason.equals("encrypted") ? ContentSymbol.ARCHIVE_ENCRYPTED : ContentSymbol.ARCHIVE_UNSUPPORTED,
                            location + " / " + entry + ": " + reason);
                }
            });
        } catch (PasswordRequiredException e) {
            ins.add(ContentSymbol.ARCHIVE_ENCRYPTED, location + ": encrypted");
        } catch (IOException | RuntimeException e) {
            ContentLimitException limit = ContentLimitException.in(e);
            if (limit != null) {
                throw limit;
            }
            ins.add(ContentSymbol.ARCHIVE_MALFORMED, location + ": " + e.getMessage());
        }
    }

    private void nested(String location, InputStream in, int depth) throws IOException {
        if (depth + 1 > ins.limits().maxDepth()) {
            ins.add(ContentSymbol.CONTENT_TOO_DEEP, location + ": message not opened, deeper than " + ins.limits().maxDepth());
            return;
        }
        try {
            MimeWalker.Walk w = walker.walk(in, depth + 1, (p, d) -> mimePart(location + " / ", p, d));
            if (!w.problems().isEmpty()) {
                ins.add(ContentSymbol.MIME_MALFORMED, location + ": " + w.problems().getFirst());
            }
        } catch (ContentLimitException e) {
            if (e.limit() != Limit.DEPTH) {
                throw e;
            }
            ins.add(ContentSymbol.CONTENT_TOO_DEEP, location + ": " + e.getMessage());
        }
    }

    private static Charset charsetOf(@Nullable String name) {
        if (name != null) {
            try {
                return Charset.forName(name.strip());
            } catch (IllegalArgumentException e) {
                // unknown or illegal charset name: read as UTF-8 with replacement
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The expansion ratio of one archive: bytes unpacked per byte of archive read, past a floor. */
    private static final class Ratio {
        private final MeteredInputStream source;
        private final int max;
        private final String location;
        private long unpacked;

        Ratio(MeteredInputStream source, int max, String location) {
            this.source = source;
            this.max = max;
            this.location = location;
        }

        void add(long bytes) throws ContentLimitException {
            unpacked += bytes;
            if (unpacked > ContentLimits.RATIO_FLOOR && unpacked > (double) max * Math.max(1, source.count())) {
                throw new ContentLimitException(Limit.EXPANSION_RATIO, location + ": unpacks to more than "
                        + max + " times its size (" + unpacked + " bytes from " + source.count() + ")");
            }
        }
    }
}
