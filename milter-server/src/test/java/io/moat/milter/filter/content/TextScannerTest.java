// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextScannerTest {
    private static Set<String> urls(String text, int max) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        TextScanner.scan(new StringReader(text), out, max);
        return out;
    }

    /** The scan tries its patterns only where their literals start, and finds what a plain find() finds. */
    @Test
    void everyCorpusMessageGivesTheUrlsOfAPlainPatternLoop() throws IOException {
        int messages = 0;
        int found = 0;
        for (Path root : List.of(Path.of("../test-corpus"), Path.of("/work/shared/corpus/train"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".eml")).toList()) {
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    if (text.length() < 32 * 1024) {
                        Set<String> expected = plainUrls(text);
                        assertThat(urls(text, 1000)).as(p.toString()).containsExactlyElementsOf(expected);
                        messages++;
                        found += expected.size();
                    }
                }
            }
        }
        assertThat(messages).isGreaterThan(300);
        assertThat(found).isGreaterThan(1000);
    }

    private static Set<String> plainUrls(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : List.of(TextScanner.URL, TextScanner.ATTRIBUTE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                TextScanner.add(out, m.group(m.groupCount() > 0 ? 1 : 0), 1000);
            }
        }
        return out;
    }

    @Test
    void urlCutByAChunkBoundaryIsFoundWhole() throws IOException {
        for (int pad = 32 * 1024 - 40; pad < 32 * 1024 + 5; pad += 3) {
            String url = "https://split.example.com/path/to/something?x=1";
            assertThat(urls("a".repeat(pad) + " " + url + " tail", 100)).as("pad %d", pad).containsExactly(url);
        }
    }

    @Test
    void pgpArmorCutByAChunkBoundaryIsFound() throws IOException {
        for (int pad = 32 * 1024 - 30; pad < 32 * 1024 + 2; pad += 4) {
            String text = "b".repeat(pad) + "\n-----BEGIN PGP MESSAGE-----\n";
            assertThat(TextScanner.scan(new StringReader(text), new LinkedHashSet<>(), 10)).as("pad %d", pad).isTrue();
        }
    }

    @Test
    void urlCountIsCappedAndPunctuationTrimmed() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("see http://h").append(i).append(".example/. ");
        }
        assertThat(urls(text.toString(), 5)).containsExactly("http://h0.example/", "http://h1.example/", "http://h2.example/",
                "http://h3.example/", "http://h4.example/");
    }

    @Test
    void hostsComeFromTheAuthorityAsWritten() {
        assertThat(ContentReport.hostOf("http://user:pw@Evil.Example.COM.:8080/x")).isEqualTo("evil.example.com");
        assertThat(ContentReport.hostOf("www.example.org/start")).isEqualTo("www.example.org");
        assertThat(ContentReport.hostOf("https://[2001:db8::1]/a")).isEqualTo("2001:db8::1");
        assertThat(ContentReport.hostOf("http://bad|host.example/")).isEqualTo("bad|host.example");
    }
}
