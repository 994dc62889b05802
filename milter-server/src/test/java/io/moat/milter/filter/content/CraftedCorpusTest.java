// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.filter.av.AntivirusFilter;
import io.moat.milter.filter.av.AntivirusSettings;
import io.moat.milter.filter.av.Clamd;
import io.moat.milter.filter.av.ClamdSettings;
import io.moat.milter.pipeline.Filter;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Pipeline;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Scorer;
import io.moat.milter.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the crafted messages under test-corpus/crafted/ (the folders this layer owns) through
 * the attachment and antivirus filters (a real clamd with the test's signatures, every decoded
 * part streamed, since our own test signature is a whole-file hash) and the scorer,
 * and checks each ends in the class test-corpus/expected.csv names. Rows of other
 * folders (bad-header, ...) belong to other layers' tests.
 */
class CraftedCorpusTest {
    private static final Path CRAFTED = Path.of("..", "test-corpus", "crafted");
    private static final Set<String> OURS = Set.of("virus", "banned", "malformed", "encrypted", "clean");

    @TempDir
    static Path dir;
    static Optional<Clamd> clamd = Optional.empty();

    @BeforeAll
    static void startClamd() throws Exception {
        clamd = Clamd.startIfInstalled(dir, "10M");
    }

    @AfterAll
    static void stopClamd() {
        clamd.ifPresent(Clamd::close);
    }

    record Row(String path, Classification expected) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(CRAFTED.resolveSibling("expected.csv"))) {
            String[] f = line.strip().split(",");
            if (line.isBlank() || line.startsWith("#") || f[0].equals("path")) {
                continue;
            }
            String path = f[0].startsWith("crafted/") ? f[0].substring(8) : f[0];
            if (OURS.contains(path.substring(0, path.indexOf('/')))) {
                rows.add(new Row(path, Classification.fromLabel(f[1].strip())));
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyCraftedMessageEndsInItsExpectedClass() throws IOException {
        List<Row> rows = rows();
        List<String> files = new ArrayList<>();
        for (String folder : OURS) {
            try (Stream<Path> s = Files.list(CRAFTED.resolve(folder))) {
                s.filter(p -> p.toString().endsWith(".eml")).forEach(p -> files.add(folder + "/" + p.getFileName()));
            }
        }
        assertThat(rows).extracting(Row::path).as("every crafted message of ours has a row in test-corpus/expected.csv")
                .containsExactlyInAnyOrderElementsOf(files);
        return rows.stream().map(r -> DynamicTest.dynamicTest(r.path() + " is " + r.expected().label(), () -> {
            if (r.path().startsWith("virus/")) {
                Assumptions.assumeTrue(clamd.isPresent(), "clamd not installed: virus rows skipped");
            }
            Scored got = classify(r.path());
            assertThat(got.classification()).as("%s, findings %s", r.path(), got.findings()).isEqualTo(r.expected());
        }));
    }

    record Scored(Classification classification, List<?> findings) {
    }

    private static Scored classify(String path) throws Exception {
        List<Filter> filters = new ArrayList<>();
        filters.add(new AttachmentFilter(new ContentReports(
                new ContentInspector(ContentLimits.DEFAULTS, BannedTypes.DEFAULTS, dir))));
        if (clamd.isPresent()) {
            AntivirusSettings av = new AntivirusSettings(List.of(clamd.get().unix()), AntivirusSettings.ScanMode.PARTS,
                    ClamdSettings.DEFAULTS, false, AntivirusSettings.TooLarge.UNCHECKED);
            filters.add(new AntivirusFilter(List.of(Clamd.client(clamd.get().unix(), 10L << 20)), av, new MimeWalker(8)));
        }
        try (Transaction t = Mail.transaction(Files.readAllBytes(CRAFTED.resolve(path)), dir)) {
            FilterResult r = new Pipeline(filters).run(
                    new FilterContext(Stage.EOM, "corpus", ClientInfo.UNKNOWN, new Macros(), t, null, Clock.systemUTC()));
            assertThat(r.verdict()).as("no filter failed on %s: %s", path, r.findings()).isEqualTo(Verdict.CONTINUE);
            return new Scored(new Scorer(5.0).decide(r.findings()).classification(), r.findings());
        }
    }
}
