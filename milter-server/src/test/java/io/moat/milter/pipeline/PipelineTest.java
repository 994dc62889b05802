// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters of a stage run in the order listed until one decides; their failures are contained. */
class PipelineTest {
    private final List<String> ran = new ArrayList<>();

    private Filter filter(String name, Stage stage, FilterResult result) {
        return filter(name, stage, OnError.TEMPFAIL, () -> result);
    }

    interface Body {
        FilterResult run() throws Exception;
    }

    private Filter filter(String name, Stage stage, OnError onError, Body body) {
        return new Filter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public FilterResult evaluate(FilterContext ctx) throws Exception {
                ran.add(name);
                return body.run();
            }

            @Override
            public OnError onError() {
                return onError;
            }
        };
    }

    private static FilterContext ctx(Stage stage) {
        return new FilterContext(stage, "c1", ClientInfo.UNKNOWN, new Macros(), null, null, Clock.systemUTC());
    }

    @Test
    void filtersRunInListedOrderAndFindingsAddUp() {
        Pipeline p = new Pipeline(List.of(
                filter("one", Stage.EOM, FilterResult.found(Finding.of("ONE", 1, "a"))),
                filter("other-stage", Stage.MAIL, FilterResult.PASS),
                filter("two", Stage.EOM, FilterResult.found(Finding.of("TWO", 2, "b")))));

        FilterResult r = p.run(ctx(Stage.EOM));

        assertThat(ran).containsExactly("one", "two");
        assertThat(r.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(r.findings()).extracting(Finding::symbol).containsExactly("ONE", "TWO");
    }

    @Test
    void firstVerdictStopsTheStageAndKeepsEarlierFindings() {
        Verdict reject = new Verdict.Reject(new SmtpReply(550, "5.7.1", "no"));
        Pipeline p = new Pipeline(List.of(
                filter("note", Stage.RCPT, FilterResult.found(Finding.of("NOTE", 0, ""))),
                filter("decide", Stage.RCPT, FilterResult.decide(reject, Finding.of("DECIDED", 0, ""))),
                filter("never", Stage.RCPT, FilterResult.PASS)));

        FilterResult r = p.run(ctx(Stage.RCPT));

        assertThat(ran).containsExactly("note", "decide");
        assertThat(r.verdict()).isEqualTo(reject);
        assertThat(r.findings()).extracting(Finding::symbol).containsExactly("NOTE", "DECIDED");
    }

    @Test
    void failingFilterTempfailsByDefaultAndStopsTheStage() {
        Pipeline p = new Pipeline(List.of(
                filter("broken", Stage.DATA, OnError.TEMPFAIL, () -> {
                    throw new java.io.IOException("down");
                }),
                filter("never", Stage.DATA, FilterResult.PASS)));

        FilterResult r = p.run(ctx(Stage.DATA));

        assertThat(ran).containsExactly("broken");
        assertThat(r.verdict()).isInstanceOfSatisfying(Verdict.TempFail.class,
                t -> assertThat(t.reply().code()).isEqualTo(451));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("FILTER_ERROR");
            assertThat(f.detail()).isEqualTo("broken");
        });
    }

    @Test
    void failingFilterThatMaySkipIsPassedOverWithAFinding() {
        Pipeline p = new Pipeline(List.of(
                filter("optional", Stage.EOH, OnError.SKIP, () -> {
                    throw new IllegalArgumentException("bad input");
                }),
                filter("next", Stage.EOH, FilterResult.PASS)));

        FilterResult r = p.run(ctx(Stage.EOH));

        assertThat(ran).containsExactly("optional", "next");
        assertThat(r.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(r.findings()).extracting(Finding::symbol).containsExactly("FILTER_ERROR");
    }

    @Test
    void stackOverflowInAFilterIsContainedToo() {
        Pipeline p = new Pipeline(List.of(filter("deep", Stage.EOM, OnError.TEMPFAIL, () -> {
            throw new StackOverflowError();
        })));

        assertThat(p.run(ctx(Stage.EOM)).verdict()).isInstanceOf(Verdict.TempFail.class);
    }

    @Test
    void interruptedFilterFailsAndKeepsTheInterruptFlag() {
        Pipeline p = new Pipeline(List.of(filter("slow", Stage.EOM, OnError.TEMPFAIL, () -> {
            throw new InterruptedException();
        })));

        try {
            assertThat(p.run(ctx(Stage.EOM)).verdict()).isInstanceOf(Verdict.TempFail.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void stageWithoutFiltersPassesAndSaysSo() {
        Pipeline p = new Pipeline(List.of(filter("eom", Stage.EOM, FilterResult.PASS)));

        assertThat(p.hasFilters(Stage.CONNECT)).isFalse();
        assertThat(p.hasFilters(Stage.EOM)).isTrue();
        assertThat(p.run(ctx(Stage.CONNECT))).isEqualTo(FilterResult.PASS);
    }
}
