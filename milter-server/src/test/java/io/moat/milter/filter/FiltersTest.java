// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.HeaderField;
import io.moat.milter.session.Macros;
import io.moat.milter.session.MessageContent;
import io.moat.milter.session.ReversePath;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filters Moat ships: GTUBE, the declared size at MAIL and the real size at end of message. */
class FiltersTest {
    private static final String GTUBE = new String(GtubeFilter.GTUBE, StandardCharsets.US_ASCII);

    @TempDir
    Path spool;

    private Transaction tx(List<String> mailArgs, int memoryLimit) {
        return new Transaction(Instant.EPOCH, ReversePath.parse("<a@example.org>"), mailArgs,
                new MessageContent(memoryLimit, spool));
    }

    private static FilterContext ctx(Stage stage, Transaction t) {
        return new FilterContext(stage, "c1", ClientInfo.UNKNOWN, new Macros(), t, null, Clock.systemUTC());
    }

    @Test
    void gtubeInTheBodyIsAHeavySpamFinding() throws Exception {
        Transaction t = tx(List.of(), 1 << 20);
        t.appendBody(("Hello\r\n" + GTUBE + "\r\n").getBytes(StandardCharsets.US_ASCII));

        FilterResult r = new GtubeFilter().evaluate(ctx(Stage.EOM, t));

        assertThat(r.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("GTUBE");
            assertThat(f.implies()).isEqualTo(Classification.SPAM);
            assertThat(f.weight()).isGreaterThanOrEqualTo(1000);
        });
    }

    @Test
    void gtubeInASpooledBodyIsFound() throws Exception {
        Transaction t = tx(List.of(), 1024);
        t.appendBody(new byte[200_000]);
        t.appendBody(GTUBE.getBytes(StandardCharsets.US_ASCII));
        assertThat(t.body().spooled()).isTrue();

        assertThat(new GtubeFilter().evaluate(ctx(Stage.EOM, t)).findings()).extracting(Finding::symbol)
                .containsExactly("GTUBE");
        t.close();
    }

    @Test
    void almostGtubeIsNothing() throws Exception {
        Transaction t = tx(List.of(), 1 << 20);
        t.appendBody(GTUBE.substring(0, GTUBE.length() - 1).getBytes(StandardCharsets.US_ASCII));

        assertThat(new GtubeFilter().evaluate(ctx(Stage.EOM, t))).isEqualTo(FilterResult.PASS);
    }

    /** A stream that hands out at most {@code step} bytes per read, so the needle straddles reads. */
    private static InputStream trickle(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Property(tries = 300)
    void gtubeIsFoundWhereverItSitsHoweverTheStreamIsCutAndWhateverSizeWasAnnounced(
            @ForAll @IntRange(min = 0, max = 140_000) int offset, @ForAll @IntRange(min = 1, max = 70_000) int step,
            @ForAll @IntRange(min = 0, max = 200_000) int sizeHint) throws Exception {
        byte[] data = new byte[offset + GTUBE.length() + 3];
        System.arraycopy(GtubeFilter.GTUBE, 0, data, offset, GTUBE.length());

        assertThat(GtubeFilter.contains(trickle(data, step), GtubeFilter.GTUBE, sizeHint)).isTrue();
        data[offset + GTUBE.length() / 2] = 'x';
        assertThat(GtubeFilter.contains(trickle(data, step), GtubeFilter.GTUBE, sizeHint)).isFalse();
    }

    @Test
    void declaredSizeOverTheLimitIsRejectedWhenPolicyRejectsOversized() {
        ActionPolicy policy = new ActionPolicy(Map.of());

        FilterResult over = new DeclaredSizeFilter(1000, policy).evaluate(ctx(Stage.MAIL, tx(List.of("SIZE=1001"), 64)));
        FilterResult at = new DeclaredSizeFilter(1000, policy).evaluate(ctx(Stage.MAIL, tx(List.of("SIZE=1000"), 64)));
        FilterResult none = new DeclaredSizeFilter(1000, policy).evaluate(ctx(Stage.MAIL, tx(List.of(), 64)));

        assertThat(over.verdict()).isInstanceOfSatisfying(Verdict.Reject.class,
                r -> assertThat(r.reply().toResponse().reply()).isEqualTo("552 5.3.4 Message size exceeds fixed limit"));
        assertThat(over.findings()).extracting(Finding::symbol).containsExactly("SIZE_DECLARED_OVER_LIMIT");
        assertThat(at).isEqualTo(FilterResult.PASS);
        assertThat(none).isEqualTo(FilterResult.PASS);
    }

    @Test
    void declaredSizeOverTheLimitIsOnlyAFindingWhenPolicyKeepsOversized() {
        ActionPolicy policy = new ActionPolicy(Map.of(Classification.OVERSIZED, Action.QUARANTINE));

        FilterResult r = new DeclaredSizeFilter(1000, policy).evaluate(ctx(Stage.MAIL, tx(List.of("SIZE=5000"), 64)));

        assertThat(r.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(r.findings()).singleElement().extracting(Finding::implies).isEqualTo(Classification.OVERSIZED);
    }

    @Test
    void messageSizeCountsHeadersAndBody() throws Exception {
        Transaction t = tx(List.of(), 1 << 20);
        t.addHeader(new HeaderField("Subject", "x".repeat(50)));
        t.appendBody(new byte[40]);

        assertThat(new MessageSizeFilter(t.size()).evaluate(ctx(Stage.EOM, t))).isEqualTo(FilterResult.PASS);
        assertThat(new MessageSizeFilter(t.size() - 1).evaluate(ctx(Stage.EOM, t)).findings())
                .extracting(Finding::symbol).containsExactly("SIZE_OVER_LIMIT");
    }

    @Test
    void shippedFiltersSitAtTheirStages() {
        ActionPolicy policy = new ActionPolicy(Map.of());
        assertThat(new GtubeFilter().stage()).isEqualTo(Stage.EOM);
        assertThat(new MessageSizeFilter(1).stage()).isEqualTo(Stage.EOM);
        assertThat(new DeclaredSizeFilter(1, policy).stage()).isEqualTo(Stage.MAIL);
        assertThat(List.of(new GtubeFilter().name(), new MessageSizeFilter(1).name(), new DeclaredSizeFilter(1, policy).name()))
                .doesNotHaveDuplicates();
    }
}
