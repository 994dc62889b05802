// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Opens the archives and compressed files commons-compress reads as streams: zip, tar, gzip,
 * bzip2, xz, and 7z (which needs random access: it is copied to a spool file first). Entries are
 * handed on one at a time as streams; nothing is unpacked to disk or heap as a whole. Decoders
 * that allocate by what the input claims (LZMA dictionaries) are capped.
 */
final class ArchiveReader {
    /** The kinds we can open. */
    enum Kind { ZIP, TAR, GZIP, BZIP2, XZ, SEVEN_Z }

    /** Gets each entry in turn; must not close the stream. */
    interface EntryVisitor {
        void entry(String name, InputStream content) throws IOException;

        /** An entry that cannot be read: encrypted, or a method we lack. */
        void unreadable(String name, String reason) throws IOException;
    }

    private static final int MEMORY_LIMIT_KIB = 64 * 1024;

    private final Path spoolDirectory;

    ArchiveReader(Path spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    static Optional<Kind> kindOf(MediaType t) {
        return switch (t.toString()) {
            case "application/zip" -> Optional.of(Kind.ZIP);
            case "application/x-tar", "application/x-gtar" -> Optional.of(Kind.TAR);
            case "application/gzip", "application/x-gzip" -> Optional.of(Kind.GZIP);
            case "application/x-bzip2" -> Optional.of(Kind.BZIP2);
            case "application/x-xz" -> Optional.of(Kind.XZ);
            case "application/x-7z-compressed" -> Optional.of(Kind.SEVEN_Z);
            default -> Optional.empty();
        };
    }

    /** Archive formats we recognise but cannot open: their content goes unchecked by us. */
    static boolean unsupported(MediaType t) {
        return switch (t.toString()) {
            case "application/x-rar-compressed", "application/vnd.rar", "application/x-ace-compressed",
                 "application/x-arj", "application/vnd.ms-cab-compressed", "application/x-lzh-compressed" -> true;
            default -> false;
        };
    }

    void read(Kind kind, InputStream in, String name, EntryVisitor v) throws IOException {
        switch (kind) {
            case ZIP -> zip(new ZipArchiveInputStream(in, "UTF-8", true, true), v);
            case TAR -> entries(new TarArchiveInputStream(in), v);
            case GZIP -> v.entry(inner(name, ".gz", ".tgz"), GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get());
            case BZIP2 -> v.entry(inner(name, ".bz2", ".tbz2"), new BZip2CompressorInputStream(in, true));
            case XZ -> v.entry(inner(name, ".xz", ".txz"), XZCompressorInputStream.builder().setInputStream(in)
                    .setDecompressConcatenated(true).setMemoryLimitKiB(MEMORY_LIMIT_KIB).get());
            case SEVEN_Z -> sevenZ(in, v);
        }
    }

    private static void zip(ZipArchiveInputStream z, EntryVisitor v) throws IOException {
        ZipArchiveEntry e;
        boolean skipped = false;
        while ((e = next(z, skipped)) != null) {
            if (e.isDirectory()) {
                continue;
            }
            if (!z.canReadEntryData(e)) {
                v.unreadable(e.getName(), e.getGeneralPurposeBit().usesEncryption()
                        ? "encrypted" : "compression method " + e.getMethod() + " not supported");
                skipped = true;
                continue;
            }
            v.entry(e.getName(), new Unclosable(z));
        }
    }

    /**
     * The next entry; after an unreadable entry whose end the stream cannot find (no sizes in its
     * header), the rest is given up quietly: the archive is already reported as not checked.
     */
    private static @Nullable ZipArchiveEntry next(ZipArchiveInputStream z, boolean afterUnreadable) throws IOException {
        try {
            return z.getNextEntry();
        } catch (IOException e) {
            if (afterUnreadable && ContentLimitException.in(e) == null) {
                return null;
            }
            throw e;
        }
    }

    private static void entries(ArchiveInputStream<? extends ArchiveEntry> a, EntryVisitor v) throws IOException {
        ArchiveEntry e;
        while ((e = a.getNextEntry()) != null) {
            if (!e.isDirectory()) {
                v.entry(e.getName(), new Unclosable(a));
            }
        }
    }

    private void sevenZ(InputStream in, EntryVisitor v) throws IOException {
        Files.createDirectories(spoolDirectory);
        Path tmp = Files.createTempFile(spoolDirectory, "moat-", ".7z");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            try (SevenZFile z = SevenZFile.builder().setPath(tmp).setMaxMemoryLimitKiB(MEMORY_LIMIT_KIB).get()) {
                SevenZArchiveEntry e;
                while ((e = z.getNextEntry()) != null) {
                    if (!e.isDirectory() && e.hasStream()) {
                        v.entry(e.getName(), new Unclosable(z.getInputStream(e)));
                    }
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The name of what a compressed file holds: {@code a.tar.gz} holds {@code a.tar}, {@code a.tgz} a tar too. */
    static String inner(String name, String ext, String tarExt) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(tarExt)) {
            return name.substring(0, name.length() - tarExt.length()) + ".tar";
        }
        return lower.endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
    }

    /** Lets a visitor read one entry without closing the archive stream under it. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream is closed by its owner
        }
    }
}
