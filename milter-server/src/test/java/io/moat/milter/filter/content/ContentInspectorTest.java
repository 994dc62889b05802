// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentInspectorTest {
    @TempDir
    Path spool;

    private ContentReport inspect(byte[] message) throws IOException {
        return inspect(message, ContentLimits.DEFAULTS);
    }

    private ContentReport inspect(byte[] message, ContentLimits limits) throws IOException {
        return new ContentInspector(limits, BannedTypes.DEFAULTS, spool).inspect(new ByteArrayInputStream(message));
    }

    private static List<String> symbols(ContentReport r) {
        return r.findings().stream().map(Finding::symbol).toList();
    }

    @Test
    void cleanMessageWithHarmlessAttachmentsHasNoFindings() throws IOException {
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] zip = Mail.zip(Map.of("notes.txt", "just notes".getBytes(StandardCharsets.US_ASCII)));
        ContentReport r = inspect(Mail.multipart().text("Hello, see https://docs.example.com/a?b=1.")
                .attach("application/pdf", "report.pdf", pdf).attach("application/zip", "notes.zip", zip).build());

        assertThat(r.findings()).isEmpty();
        assertThat(r.parts()).extracting(PartInfo::detectedType)
                .containsExactly("text/plain", "application/pdf", "application/zip", "text/plain");
        assertThat(r.urls()).containsExactly("https://docs.example.com/a?b=1");
    }

    @Test
    void windowsExecutableRenamedPdfIsBannedByItsTrueType() throws IOException {
        ContentReport r = inspect(Mail.multipart().text("invoice attached")
                .attach("application/pdf", "invoice.pdf", Mail.windowsExecutable()).build());

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("BANNED_TYPE");
            assertThat(f.implies()).isEqualTo(Classification.BANNED);
            assertThat(f.detail()).contains("invoice.pdf").contains("application/x-");
        });
    }

    @Test
    void doubleExtensionIsBannedByName() throws IOException {
        ContentReport r = inspect(Mail.multipart()
                .attach("application/octet-stream", "scan.pdf.js", "var x = 1;".getBytes(StandardCharsets.US_ASCII)).build());

        assertThat(symbols(r)).containsExactly("BANNED_NAME");
        assertThat(r.findings().getFirst().detail()).endsWith(".js");
    }

    @Test
    void executableInsideZipInsideZipIsBanned() throws IOException {
        byte[] inner = Mail.zip(Map.of("setup.exe", Mail.windowsExecutable()));
        byte[] outer = Mail.zip(Map.of("inner.zip", inner));
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "outer.zip", outer).build());

        assertThat(symbols(r)).containsExactlyInAnyOrder("BANNED_TYPE", "BANNED_NAME");
        assertThat(r.findings().getFirst().detail()).contains("outer.zip").contains("inner.zip / setup.exe");
        assertThat(r.parts()).extracting(PartInfo::depth).containsExactly(0, 1, 2);
    }

    @Test
    void messageInsideZipInsideZipIsWalkedToItsAttachments() throws IOException {
        byte[] eml = Mail.multipart().text("forwarded").attach("application/pdf", "a.pdf", Mail.windowsExecutable()).build();
        byte[] zip = Mail.zip(Map.of("outer/inner.zip", Mail.zip(Map.of("fwd.eml", eml))));
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "mail.zip", zip).build());

        assertThat(symbols(r)).containsExactly("BANNED_TYPE");
        assertThat(r.findings().getFirst().detail()).contains("fwd.eml / part 2 (a.pdf)");
    }

    @Test
    void tarGzAndSevenZipAreOpened() throws IOException {
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(tgz))) {
            byte[] exe = Mail.windowsExecutable();
            TarArchiveEntry e = new TarArchiveEntry("bin/tool.dat");
            e.setSize(exe.length);
            tar.putArchiveEntry(e);
            tar.write(exe);
            tar.closeArchiveEntry();
        }
        Path sevenZ = spool.resolve("a.7z");
        try (SevenZOutputFile z = new SevenZOutputFile(sevenZ.toFile())) {
            SevenZArchiveEntry e = z.createArchiveEntry(spool.toFile(), "readme.txt");
            e.setDirectory(false);
            z.putArchiveEntry(e);
            z.write(Mail.windowsExecutable());
            z.closeArchiveEntry();
        }
        ContentReport r = inspect(Mail.multipart().attach("application/gzip", "tools.tar.gz", tgz.toByteArray())
                .attach("application/x-7z-compressed", "a.7z", java.nio.file.Files.readAllBytes(sevenZ)).build());

        assertThat(r.findings()).extracting(Finding::detail).anySatisfy(d -> assertThat(d).contains("tools.tar / bin/tool.dat"))
                .anySatisfy(d -> assertThat(d).contains("(a.7z) / readme.txt"));
        assertThat(symbols(r)).containsOnly("BANNED_TYPE");
    }

    @Test
    void xzAndBzip2AreOpened() throws IOException {
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZCompressorOutputStream out = new XZCompressorOutputStream(xz)) {
            out.write(Mail.windowsExecutable());
        }
        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bz)) {
            out.write(Mail.windowsExecutable());
        }
        ContentReport r = inspect(Mail.multipart().attach("application/octet-stream", "a.dat.xz", xz.toByteArray())
                .attach("application/octet-stream", "b.dat.bz2", bz.toByteArray()).build());

        assertThat(r.findings()).extracting(Finding::detail)
                .containsExactlyInAnyOrder("part 1 (a.dat.xz) / a.dat: application/x-msdownload",
                        "part 2 (b.dat.bz2) / b.dat: application/x-msdownload");
    }

    @Test
    void largeSpooledMessageIsWalkedAsAStream() throws IOException {
        byte[] big = new byte[20 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        byte[] zip = Mail.zip(Map.of("data.bin", big, "tool.exe", Mail.windowsExecutable()));
        byte[] msg = Mail.multipart().text("big one").attach("application/zip", "big.zip", zip).build();
        try (io.moat.milter.session.Transaction t = Mail.transaction(msg, spool)) {
            assertThat(t.body().spooled()).isTrue();
            long start = System.nanoTime();
            ContentReport r = new ContentInspector(ContentLimits.DEFAULTS, BannedTypes.DEFAULTS, spool).inspect(t);
            System.out.printf("walked a %d MiB message in %d ms%n", msg.length >> 20, (System.nanoTime() - start) / 1_000_000);

            assertThat(r.findings()).extracting(Finding::symbol).containsOnly("BANNED_NAME", "BANNED_TYPE");
            assertThat(r.parts()).extracting(PartInfo::location).contains("part 2 (big.zip) / data.bin");
        }
    }

    @Test
    void zipBombEndsAsArchiveBombByItsExpansionRatio() throws IOException {
        byte[] bomb = Mail.zip(Map.of("zeros.bin", new byte[20 * 1024 * 1024]));
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "bomb.zip", bomb).build());

        assertThat(symbols(r)).containsExactly("ARCHIVE_BOMB");
        assertThat(r.findings().getFirst().implies()).isEqualTo(Classification.BANNED);
        assertThat(r.findings().getFirst().detail()).contains("times its size");
    }

    @Test
    void nestedBombEndsAsArchiveBombByTotalExpandedBytes() throws IOException {
        byte[] level = Mail.zip(Map.of("z.bin", new byte[1024 * 1024]));
        for (int i = 0; i < 2; i++) {
            Map<String, byte[]> copies = new LinkedHashMap<>();
            for (int c = 0; c < 10; c++) {
                copies.put("copy" + c + ".zip", level);
            }
            level = Mail.zip(copies);
        }
        ContentLimits limits = new ContentLimits(8, 1000, 20L * 1024 * 1024, 100_000, 100);
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "nested.zip", level).build(), limits);

        assertThat(symbols(r)).containsExactly("ARCHIVE_BOMB");
        assertThat(r.findings().getFirst().detail()).contains("more than 20971520 bytes");
    }

    @Test
    void archivesNestedDeeperThanTheLimitAreNotOpenedAndLeaveTheMessageUnchecked() throws IOException {
        byte[] level = "deep".getBytes(StandardCharsets.US_ASCII);
        level = Mail.zip(Map.of("x.txt", level));
        for (int i = 0; i < 4; i++) {
            level = Mail.zip(Map.of("level" + i + ".zip", level));
        }
        ContentLimits limits = new ContentLimits(3, 1000, 1L << 30, 100, 100);
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "deep.zip", level).build(), limits);

        assertThat(symbols(r)).containsExactly("CONTENT_TOO_DEEP");
        assertThat(r.findings().getFirst().implies()).isEqualTo(Classification.UNCHECKED);
    }

    @Test
    void tooManyPartsStopTheWalkAsUnchecked() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("f" + i + ".txt", new byte[] {'a'});
        }
        ContentLimits limits = new ContentLimits(8, 20, 1L << 30, 100, 100);
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "many.zip", Mail.zip(many)).build(), limits);

        assertThat(symbols(r)).containsExactly("CONTENT_TOO_MANY_PARTS");
    }

    @Test
    void passwordProtectedZipEntryIsUnchecked() throws IOException {
        byte[] zip = Mail.zip(Map.of("secret.doc", "secret".getBytes(StandardCharsets.US_ASCII)));
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "secret.zip", Zips.markEncrypted(zip)).build());

        assertThat(symbols(r)).containsExactly("ARCHIVE_ENCRYPTED");
        assertThat(r.findings().getFirst().implies()).isEqualTo(Classification.UNCHECKED);
    }

    @Test
    void truncatedZipIsMalformedNotACrash() throws IOException {
        byte[] zip = Mail.zip(Map.of("a.txt", new byte[100_000]));
        byte[] cut = java.util.Arrays.copyOf(zip, 60);
        ContentReport r = inspect(Mail.multipart().attach("application/zip", "cut.zip", cut).build());

        assertThat(symbols(r)).containsExactly("ARCHIVE_MALFORMED");
    }

    @Test
    void smimeEnvelopedDataIsUnchecked() throws IOException {
        byte[] msg = ("From: a@example.org\r\nTo: b@example.net\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFA\r\n").getBytes(StandardCharsets.US_ASCII);

        ContentReport r = inspect(msg);

        assertThat(symbols(r)).containsExactly("ENCRYPTED_SMIME");
        assertThat(r.findings().getFirst().detail()).contains("enveloped-data");
        assertThat(r.findings().getFirst().implies()).isEqualTo(Classification.UNCHECKED);
    }

    @Test
    void pgpMimeAndInlinePgpAreUnchecked() throws IOException {
        String armored = "-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA1234567890abcdef\r\n-----END PGP MESSAGE-----\r\n";
        byte[] pgpMime = ("From: a@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\n\r\n" + armored + "--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(symbols(inspect(pgpMime))).containsOnly("ENCRYPTED_PGP");
        assertThat(symbols(inspect(Mail.multipart().text("see below\r\n" + armored).build()))).containsExactly("ENCRYPTED_PGP");
    }

    @Test
    void urlsComeFromTextAndHtmlPartsInEveryEncoding() throws IOException {
        byte[] msg = Mail.multipart().text("plain www.example.org/start and http://a.example/x.")
                .html("<a href=\"https://b.example/p?q=1&amp;r=2\">click</a>")
                .attachQuotedPrintable("text/html", "page.html", "<p>visit http://c.example/very/long/path/" + "x".repeat(100) + "</p>")
                .build();

        ContentReport r = inspect(msg);

        assertThat(r.urls()).contains("www.example.org/start", "http://a.example/x", "https://b.example/p?q=1&r=2",
                "http://c.example/very/long/path/" + "x".repeat(100));
        assertThat(r.hosts()).containsExactly("www.example.org", "a.example", "b.example", "c.example");
    }

    @Test
    void brokenMimeIsReadLenientlyAndReportedOnce() throws IOException {
        byte[] msg = ("From: a@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=x.exe\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "TVqQ!!!AAMAAAAEAAAA//8AALgAAAAAAAAAQ\r\n").getBytes(StandardCharsets.US_ASCII);

        ContentReport r = inspect(msg);

        assertThat(symbols(r)).contains("MIME_MALFORMED", "BANNED_NAME");
        assertThat(r.findings()).filteredOn(f -> f.symbol().equals("MIME_MALFORMED")).singleElement()
                .extracting(Finding::implies).isEqualTo(Classification.BAD_HEADER);
    }
}
