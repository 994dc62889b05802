// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.filter.av.AntivirusSettings.ScanMode;
import io.moat.milter.filter.av.AntivirusSettings.TooLarge;
import io.moat.milter.filter.content.Mail;
import io.moat.milter.filter.content.MimeWalker;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The antivirus filter with a real clamd: encodings, archives, both scan modes, clamd failing. */
class AntivirusFilterTest {
    @TempDir
    static Path dir;
    static Clamd clamd;

    @BeforeAll
    static void startClamd() throws Exception {
        clamd = Clamd.start(Files.createDirectories(dir.resolve("main")), "1M");
    }

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.close();
        }
    }

    private static AntivirusSettings settings(List<ClamdEndpoint> engines, ScanMode mode, boolean failOpen, TooLarge tooLarge,
            long maxStream) {
        return new AntivirusSettings(engines, mode, new ClamdSettings(java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(10), maxStream, 4), failOpen, tooLarge);
    }

    private static AntivirusFilter filter(AntivirusSettings s) {
        List<ClamdClient> clients = s.engines().stream().map(e -> new ClamdClient(e, s.clamd())).toList();
        return new AntivirusFilter(clients, s, new MimeWalker(8, AntivirusFilter.MAX_MULTIPART_NESTING));
    }

    private static AntivirusFilter filter(ScanMode mode) {
        return filter(settings(List.of(clamd.unix()), mode, false, TooLarge.UNCHECKED, 1 << 20));
    }

    private static FilterResult run(AntivirusFilter f, byte[] message) throws Exception {
        try (Transaction t = Mail.transaction(message, dir)) {
            return new Pipeline(List.of(f)).run(context(t));
        }
    }

    static FilterContext context(Transaction t) {
        return new FilterContext(Stage.EOM, "test", ClientInfo.UNKNOWN, new Macros(), t, null, Clock.systemUTC());
    }

    private static void assertInfected(FilterResult r, String signature) {
        assertThat(r.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(r.findings()).containsExactly(new Finding("AV_INFECTED", 0, signature, Classification.VIRUS));
    }

    @ParameterizedTest
    @EnumSource(ScanMode.class)
    void eicarAsBase64AttachmentIsAVirus(ScanMode mode) throws Exception {
        byte[] msg = Mail.multipart().text("see attachment").attach("application/octet-stream", "test.com", Clamd.eicar()).build();

        assertInfected(run(filter(mode), msg), Clamd.EICAR_NAME);
    }

    @ParameterizedTest
    @EnumSource(ScanMode.class)
    void eicarZippedAndZippedTwiceIsAVirus(ScanMode mode) throws Exception {
        byte[] zip = Mail.zip(Map.of("eicar.com", Clamd.eicar()));
        byte[] zipInZip = Mail.zip(Map.of("inner.zip", zip));

        assertInfected(run(filter(mode), Mail.multipart().attach("application/zip", "a.zip", zip).build()), Clamd.EICAR_NAME);
        assertInfected(run(filter(mode), Mail.multipart().attach("application/zip", "b.zip", zipInZip).build()), Clamd.EICAR_NAME);
    }

    @ParameterizedTest
    @EnumSource(ScanMode.class)
    void eicarFullyQuotedPrintableEncodedIsAVirus(ScanMode mode) throws Exception {
        byte[] msg = Mail.multipart().text("hello")
                .attachQuotedPrintable("application/octet-stream", "qp.txt", new String(Clamd.eicar(), StandardCharsets.ISO_8859_1), true)
                .build();
        assertThat(new String(msg, StandardCharsets.ISO_8859_1)).doesNotContain("EICAR");

        assertInfected(run(filter(mode), msg), Clamd.EICAR_NAME);
    }

    @ParameterizedTest
    @EnumSource(ScanMode.class)
    void ourOwnSignatureInAnAttachmentIsAVirus(ScanMode mode) throws Exception {
        byte[] msg = Mail.multipart().text("hi").attach("text/plain", "note.txt", Clamd.CUSTOM).build();

        assertInfected(run(filter(mode), msg), Clamd.CUSTOM_NAME);
    }

    @ParameterizedTest
    @EnumSource(ScanMode.class)
    void cleanMessagePasses(ScanMode mode) throws Exception {
        byte[] msg = Mail.multipart().text("nothing to see").attach("application/zip", "n.zip",
                Mail.zip(Map.of("n.txt", "notes".getBytes(StandardCharsets.US_ASCII)))).build();

        assertThat(run(filter(mode), msg)).isEqualTo(FilterResult.PASS);
    }

    @Test
    void virusBuriedUnderNineHundredMultipartLevelsIsFoundInPartsMode() throws Exception {
        // clamd 1.4's own MIME parser gives up long before (70 levels already hide EICAR from it).
        String nest = "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getEncoder().encodeToString(Clamd.eicar()) + "\r\n";
        for (int i = 0; i < 900; i++) {
            nest = "Content-Type: multipart/mixed; boundary=\"n" + i + "\"\r\n\r\n--n" + i + "\r\n" + nest + "--n" + i + "--\r\n";
        }
        byte[] msg = ("From: a@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n" + nest).getBytes(StandardCharsets.US_ASCII);

        assertInfected(run(filter(ScanMode.PARTS), msg), Clamd.EICAR_NAME);
    }

    @Test
    void partLargerThanTheStreamLimitIsUncheckedOrTempfailedAsConfigured() throws Exception {
        byte[] msg = Mail.multipart().attach("application/octet-stream", "big.bin", new byte[300_000]).build();

        FilterResult unchecked = run(filter(settings(List.of(clamd.tcp()), ScanMode.PARTS, false, TooLarge.UNCHECKED, 100_000)), msg);
        FilterResult tempfail = run(filter(settings(List.of(clamd.tcp()), ScanMode.PARTS, false, TooLarge.TEMPFAIL, 100_000)), msg);

        assertThat(unchecked.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(unchecked.findings()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("AV_TOO_LARGE");
            assertThat(f.implies()).isEqualTo(Classification.UNCHECKED);
        });
        assertThat(tempfail.verdict()).isInstanceOfSatisfying(Verdict.TempFail.class,
                t -> assertThat(t.reply().code()).isEqualTo(451));
    }

    @Test
    void clamdStoppedMidRunTempfailsAndNothingPassesUnscanned() throws Exception {
        Clamd own = Clamd.start(Files.createDirectories(dir.resolve("stopped")), "1M");
        AntivirusFilter f = filter(settings(List.of(own.unix()), ScanMode.MESSAGE, false, TooLarge.UNCHECKED, 1 << 20));
        byte[] clean = Mail.multipart().text("first").build();
        byte[] infected = Mail.multipart().attach("application/octet-stream", "e.com", Clamd.eicar()).build();
        assertThat(run(f, clean)).isEqualTo(FilterResult.PASS);

        own.close();

        for (byte[] msg : List.of(clean, infected)) {
            FilterResult r = run(f, msg);
            assertThat(r.verdict()).isInstanceOfSatisfying(Verdict.TempFail.class, t -> {
                assertThat(t.reply().code()).isEqualTo(451);
                assertThat(t.reply().enhanced()).isEqualTo("4.7.1");
            });
            assertThat(r.findings()).extracting(Finding::symbol).containsExactly("AV_UNAVAILABLE");
        }
    }

    @Test
    void failOpenLetsTheMessageOnWithAFindingAndCountsIt() throws Exception {
        ClamdEndpoint down = new ClamdEndpoint.Unix(dir.resolve("no-clamd.sock"));
        AntivirusFilter f = filter(settings(List.of(down), ScanMode.MESSAGE, true, TooLarge.UNCHECKED, 1 << 20));

        FilterResult r = run(f, Mail.multipart().text("hello").build());

        assertThat(r.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(r.findings()).extracting(Finding::symbol).containsExactly("AV_UNAVAILABLE");
        assertThat(f.failedOpen()).isEqualTo(1);
    }

    @Test
    void failOpenIsEveryRecipientsChoiceAndBothOutcomesAreCounted() throws Exception {
        ClamdEndpoint down = new ClamdEndpoint.Unix(dir.resolve("no-clamd.sock"));
        AntivirusSettings s = settings(List.of(down), ScanMode.MESSAGE, false, TooLarge.UNCHECKED, 1 << 20);
        RecipientPolicy base = RecipientPolicy.of(5.0, new ActionPolicy(Map.of()));
        PolicySource byDomain = r -> base.withAntivirusFailOpen(r.endsWith("@open.example"));
        AntivirusFilter f = new AntivirusFilter(List.of(new ClamdClient(down, s.clamd())), s,
                new MimeWalker(8, AntivirusFilter.MAX_MULTIPART_NESTING), byDomain);
        byte[] msg = Mail.multipart().text("hello").build();

        FilterResult open = runFor(f, msg, "a@open.example", "b@open.example");
        FilterResult mixed = runFor(f, msg, "a@open.example", "c@closed.example");

        assertThat(open.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(open.findings()).extracting(Finding::symbol).containsExactly("AV_UNAVAILABLE");
        assertThat(mixed.verdict()).isInstanceOfSatisfying(Verdict.TempFail.class,
                t -> assertThat(t.reply().toString()).startsWith("451 4.7.1"));
        assertThat(f.failedOpen()).isEqualTo(1);
        assertThat(f.failedClosed()).isEqualTo(1);
    }

    private static FilterResult runFor(AntivirusFilter f, byte[] message, String... recipients) throws Exception {
        try (Transaction t = Mail.transaction(message, dir)) {
            for (String r : recipients) {
                t.addRecipient(r);
            }
            return new Pipeline(List.of(f)).run(context(t));
        }
    }

    @Test
    void everyEngineMustPass() throws Exception {
        ClamdEndpoint down = new ClamdEndpoint.Unix(dir.resolve("no-clamd.sock"));
        byte[] clean = Mail.multipart().text("hello").build();
        byte[] infected = Mail.multipart().attach("application/octet-stream", "e.com", Clamd.eicar()).build();
        AntivirusFilter twoUp = filter(settings(List.of(clamd.tcp(), clamd.unix()), ScanMode.PARTS, false, TooLarge.UNCHECKED, 1 << 20));
        AntivirusFilter oneDown = filter(settings(List.of(clamd.tcp(), down), ScanMode.PARTS, false, TooLarge.UNCHECKED, 1 << 20));

        assertThat(run(twoUp, clean)).isEqualTo(FilterResult.PASS);
        assertInfected(run(twoUp, infected), Clamd.EICAR_NAME);
        assertThat(run(oneDown, clean).verdict()).isInstanceOf(Verdict.TempFail.class);
    }
}
