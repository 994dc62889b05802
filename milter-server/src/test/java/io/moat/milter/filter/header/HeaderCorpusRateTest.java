// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures the header checks on the training corpus (outside the repository: MOAT_CORPUS, default
 * /work/shared/corpus/train): how often each symbol fires per folder, and the share of messages
 * classed bad-header. Skipped when the corpus is absent. Fails only if ordinary ham is classed
 * bad-header in more than 1% of messages.
 */
class HeaderCorpusRateTest {
    private static final Path CORPUS = Path.of(System.getenv().getOrDefault("MOAT_CORPUS", "/work/shared/corpus/train"));

    record Rate(int messages, int badHeader, double maxScore, Map<String, Integer> symbols) {
        double badHeaderShare() {
            return messages == 0 ? 0 : (double) badHeader / messages;
        }
    }

    static Rate measure(Path dir) throws IOException {
        HeaderCheckFilter filter = HeaderCheckFilter.standard();
        Map<String, Integer> symbols = new TreeMap<>();
        int n = 0;
        int bad = 0;
        double max = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            List<Finding> found = filter.check(MessageFile.read(f));
            n++;
            max = Math.max(max, found.stream().mapToDouble(Finding::weight).sum());
            if (found.stream().anyMatch(x -> x.implies() == Classification.BAD_HEADER)) {
                bad++;
            }
            found.forEach(x -> symbols.merge(x.symbol(), 1, Integer::sum));
            String detail = System.getenv("MOAT_CORPUS_DETAIL"); // a symbol to list the messages of
            found.stream().filter(x -> x.symbol().equals(detail))
                    .forEach(x -> System.out.println("  " + f.getFileName() + ": " + x.detail()));
        }
        return new Rate(n, bad, max, symbols);
    }

    @Test
    void ordinaryHamIsAlmostNeverClassedBadHeader() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("ham")), "no corpus at " + CORPUS + " (set MOAT_CORPUS)");
        for (String folder : List.of("ham", "hard-ham", "spam")) {
            Rate r = measure(CORPUS.resolve(folder));
            System.out.printf("header checks on %s: %d messages, bad-header %d (%.2f%%), highest header score %.1f, symbols %s%n",
                    folder, r.messages(), r.badHeader(), 100 * r.badHeaderShare(), r.maxScore(), r.symbols());
        }
        assertThat(measure(CORPUS.resolve("ham")).badHeaderShare()).isLessThanOrEqualTo(0.01);
    }
}
