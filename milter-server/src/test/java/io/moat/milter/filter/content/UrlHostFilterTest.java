// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.pipeline.FilterContext;
import io.moat.milter.pipeline.FilterResult;
import io.moat.milter.pipeline.Stage;
import io.moat.milter.session.ClientInfo;
import io.moat.milter.session.Macros;
import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.Finding;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlHostFilterTest {
    @TempDir
    Path dir;

    @Test
    void hostsOfTheMessagesUrlsAreLookedUpOnceAndTheWalkIsShared() throws Exception {
        List<Set<String>> asked = new ArrayList<>();
        ContentReports reports = new ContentReports(new ContentInspector(ContentLimits.DEFAULTS, BannedTypes.DEFAULTS, dir));
        UrlHostFilter uris = new UrlHostFilter(reports, hosts -> {
            asked.add(hosts);
            return hosts.contains("bad.example") ? List.of(Finding.of("URIBL_TEST", 3, "bad.example")) : List.of();
        });
        byte[] msg = Mail.multipart().text("go to http://bad.example/x and https://Good.example/").build();

        try (Transaction t = Mail.transaction(msg, dir)) {
            FilterContext ctx = new FilterContext(Stage.EOM, "c", ClientInfo.UNKNOWN, new Macros(), t, null, Clock.systemUTC());
            ContentReport first = reports.of(t);
            FilterResult r = uris.evaluate(ctx);

            assertThat(asked).containsExactly(Set.of("bad.example", "good.example"));
            assertThat(r.findings()).extracting(Finding::symbol).containsExactly("URIBL_TEST");
            assertThat(reports.of(t)).isSameAs(first);
        }
    }

    @Test
    void noUrlsNoLookup() throws Exception {
        ContentReports reports = new ContentReports(new ContentInspector(ContentLimits.DEFAULTS, BannedTypes.DEFAULTS, dir));
        UrlHostFilter uris = new UrlHostFilter(reports, hosts -> {
            throw new AssertionError("no lookup expected");
        });
        try (Transaction t = Mail.transaction(Mail.multipart().text("no links here").build(), dir)) {
            FilterContext ctx = new FilterContext(Stage.EOM, "c", ClientInfo.UNKNOWN, new Macros(), t, null, Clock.systemUTC());
            assertThat(uris.evaluate(ctx)).isEqualTo(FilterResult.PASS);
        }
    }
}
