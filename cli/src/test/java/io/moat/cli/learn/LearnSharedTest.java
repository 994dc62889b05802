// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moat.cli.MoatCommand;
import io.moat.store.BayesTokens;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** moat learn --shared writes the statistical filter's state into the store, where the pipeline finds it. */
class LearnSharedTest {
    private static final Path SAMPLES = Path.of("..", "test-corpus", "samples");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = MoatCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void learnsIntoTheStoreOnceAndScanUsesIt() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("moat.db");
        String[] learn = {"learn", "--shared", "--store", url, "--quiet",
            "--spam", SAMPLES.resolve("spam").toString(), "--ham", SAMPLES.resolve("ham").toString()};

        assertThat(run(learn)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("learned 300");
        BayesTokens.TokenTally first;
        try (Store store = Store.open(StoreConfig.of(url), Clock.systemUTC())) {
            first = store.bayes().totals();
        }
        assertThat(first).isEqualTo(new BayesTokens.TokenTally(100, 200));

        assertThat(run(learn)).isZero();
        assertThat(out.toString()).contains("unchanged 300");
        try (Store store = Store.open(StoreConfig.of(url), Clock.systemUTC())) {
            assertThat(store.bayes().totals()).isEqualTo(first);
        }

        Path config = Files.writeString(dir.resolve("moat.yml"), "store:\n  url: " + url + "\nbayes:\n  state: store\n");
        Path spam = Files.list(SAMPLES.resolve("spam")).sorted().findFirst().orElseThrow();
        out.getBuffer().setLength(0);
        assertThat(run("scan", "--json", "--config", config.toString(), spam.toString())).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(json.get("findings").findValuesAsText("symbol")).anyMatch(s -> s.startsWith("BAYES_"));
    }

    @Test
    void stateAndSharedTogetherIsAUsageError() {
        assertThat(run("learn", "--shared", "--state", dir.resolve("s").toString(), "--spam", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("exactly one of --state FILE and --shared");
    }
}
