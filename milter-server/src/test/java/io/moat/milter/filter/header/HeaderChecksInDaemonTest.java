// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.Daemon;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.offline.ScanReport;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's own pipeline (as {@code moat scan} runs it) includes the header checks. */
class HeaderChecksInDaemonTest {
    @TempDir
    Path spool;

    @Test
    void messageWithoutFromIsBadHeaderThroughTheDaemonPipeline() throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("..", "test-corpus", "crafted", "bad-header", "missing-from.eml"));
        ScanReport r = Daemon.offline(new ConfigLoader("mx.test", spool).defaults(),
                Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC)).scan("missing-from.eml", raw);
        assertThat(r.findings()).extracting(Finding::symbol).contains("HDR_MISSING_FROM");
        assertThat(r.classification()).isEqualTo(Classification.BAD_HEADER);
    }
}
