// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.filter.av.AntivirusFilter;
import io.moat.milter.filter.av.AntivirusSettings;
import io.moat.milter.filter.av.Clamd;
import io.moat.milter.filter.av.ClamdSettings;
import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, does not gate: the content walk and the clamd scan over a folder of real mail (the
 * SpamAssassin training corpus), per message, and counts the findings, so a finding that fires
 * on ordinary mail shows. Run:
 * {@code ./mvnw -o -pl milter-server test -Dtest=ContentWalkCostTest -Dmoat.corpus=../../shared/corpus/train/ham}
 */
@EnabledIfSystemProperty(named = "moat.corpus", matches = ".+")
class ContentWalkCostTest {
    /** {@code -Dmoat.av.scan=parts} measures streaming every decoded part instead of the whole message. */
    private static final AntivirusSettings.ScanMode MODE =
            "parts".equals(System.getProperty("moat.av.scan")) ? AntivirusSettings.ScanMode.PARTS : AntivirusSettings.ScanMode.MESSAGE;

    @TempDir
    Path dir;

    @Test
    void walkAndScanTheCorpus() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("moat.corpus")))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        ContentInspector inspector = new ContentInspector(ContentLimits.DEFAULTS, BannedTypes.DEFAULTS, dir);
        Optional<Clamd> clamd = Clamd.startIfInstalled(dir, "25M");
        Map<String, Integer> symbols = new TreeMap<>();
        long[] walk = new long[files.size()];
        long[] scan = new long[files.size()];
        long urls = 0;
        try {
            AntivirusFilter av = clamd.map(c -> new AntivirusFilter(List.of(Clamd.client(c.unix(), 25L << 20)),
                    new AntivirusSettings(List.of(c.unix()), MODE, ClamdSettings.DEFAULTS,
                            false, AntivirusSettings.TooLarge.UNCHECKED), new MimeWalker(8))).orElse(null);
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                for (int i = 0; i < files.size(); i++) {
                    try (Transaction t = Mail.transaction(Files.readAllBytes(files.get(i)), dir)) {
                        long t0 = System.nanoTime();
                        ContentReport r = inspector.inspect(t);
                        long t1 = System.nanoTime();
                        if (av != null) {
                            FilterResult fr = av.evaluate(new FilterContext(Stage.EOM, "c", ClientInfo.UNKNOWN, new Macros(), t,
                                    null, Clock.systemUTC()));
                            assertThat(fr.findings()).isEmpty();
                        }
                        walk[i] = t1 - t0;
                        scan[i] = System.nanoTime() - t1;
                        if (round == 1) {
                            urls += r.urls().size();
                            for (Finding f : r.findings()) {
                                symbols.merge(f.symbol(), 1, Integer::sum);
                                if (System.getProperty("moat.corpus.details") != null) {
                                    System.out.println(files.get(i).getFileName() + " " + f.symbol() + " " + f.detail());
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            clamd.ifPresent(Clamd::close);
        }
        System.out.printf("%d messages, %d URLs; findings: %s%n", files.size(), urls, symbols);
        System.out.printf("content walk per message: median %.2f ms, p99 %.2f ms%n", pct(walk, 50), pct(walk, 99));
        System.out.printf("clamd scan (" + MODE + ", unix socket) per message: median %.2f ms, p99 %.2f ms%n",
                pct(scan, 50), pct(scan, 99));
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * p / 100)] / 1e6;
    }
}
