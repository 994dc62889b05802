// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.rules.message.CandidateSearch.Candidates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A search tried only at candidate positions finds what {@link Matcher#find()} finds. */
class CandidateSearchTest {
    private static final Path SAMPLES = Path.of("../test-corpus/samples");
    private static final Path SHARED = Path.of("/work/shared/corpus/train");
    private static final Candidates URI_STARTS = Candidates.prefixes(List.of("http", "ftp:", "www.", "mailto:"));

    @Test
    void wordBoundariesBeforeTheCandidateAreSeenAsInTheWholeText() {
        String text = "xhttp://no.example, (HTTP://Yes.Example) www.b.example.org;mailto:a@b.example_www.no.example";
        assertThat(matches(UriFinder.URI, text, URI_STARTS)).isEqualTo(plain(UriFinder.URI, text));
        assertThat(groups(matches(UriFinder.URI, text, URI_STARTS))).containsExactly(
                "HTTP://Yes.Example", "www.b.example.org;mailto:a@b.example_www.no.example");
    }

    @Test
    void aPositionThatIsNoCandidateIsNeverTried() {
        Pattern anyWord = Pattern.compile("\\w+");
        assertThat(matches(anyWord, "ab www.x cd", Candidates.prefixes(List.of("www.")))).containsExactly("www@3");
    }

    @Test
    void textWithoutCandidatesHasNoMatch() {
        CandidateSearch s = new CandidateSearch(UriFinder.URI, "plain words only", URI_STARTS);
        assertThat(s.find()).isFalse();
        assertThat(s.find()).isFalse();
    }

    @Test
    void uriSearchFindsWhatAPlainFindFindsInEveryCorpusMessage() throws IOException {
        int uris = 0;
        for (String text : corpusTexts()) {
            List<String> expected = plain(UriFinder.URI, text);
            assertThat(matches(UriFinder.URI, text, URI_STARTS)).isEqualTo(expected);
            uris += expected.size();
        }
        assertThat(uris).as("URIs in the sample").isGreaterThan(300);
    }

    /** Every message of the committed sample (and of the shared corpus where present), normalised. */
    static List<String> corpusTexts() throws IOException {
        return corpusFiles().stream().map(MessageParser::normalise).toList();
    }

    /** The bytes of every message of the committed corpus (and of the shared corpus where present). */
    static List<byte[]> corpusFiles() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path root : List.of(SAMPLES.getParent(), SHARED)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".eml"))
                        .sorted().toList()) {
                    out.add(Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    static List<String> matches(Pattern p, String text, Candidates c) {
        CandidateSearch s = new CandidateSearch(p, text, c);
        List<String> out = new ArrayList<>();
        while (s.find()) {
            out.add(s.match().group() + "@" + s.match().start());
        }
        return out;
    }

    static List<String> plain(Pattern p, String text) {
        Matcher m = p.matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group() + "@" + m.start());
        }
        return out;
    }

    private static List<String> groups(List<String> withPositions) {
        return withPositions.stream().map(s -> s.substring(0, s.lastIndexOf('@'))).toList();
    }
}
