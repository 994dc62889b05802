// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import io.moat.rules.ContentReport;
import io.moat.rules.ContentScorer;
import io.moat.rules.Finding;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/** Scores labelled messages with one scorer, timing each (parse + rules + statistical filter) in CPU time. */
public final class Evaluation {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Evaluation() {
    }

    public static List<Outcome> score(List<LabelledMessage> corpus, ContentScorer scorer, Progress progress) {
        List<Outcome> out = new ArrayList<>(corpus.size());
        for (LabelledMessage m : corpus) {
            out.add(score(m, scorer));
            progress.step(out.size(), corpus.size(), "scoring");
        }
        return out;
    }

    static Outcome score(LabelledMessage m, ContentScorer scorer) {
        long start = THREADS.getCurrentThreadCpuTime();
        ContentReport report = scorer.score(m.message().bytes());
        double millis = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        List<String> symbols = report.findings().stream().map(Finding::symbol).toList();
        return new Outcome(m.message().origin(), m.kind(), report.score(), symbols, millis);
    }
}
