// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
    @Test
    void anMboxIsSplitAndAFolderIsReadFileByFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("box.mbox"), "From a@x Mon Jan 1 00:00:00 2002\nSubject: one\n\nFrom here on\n\n"
                + "From b@x Mon Jan 1 00:00:01 2002\nSubject: two\n\nbody\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("single.eml"), "From c@x Mon Jan 1 00:00:00 2002\nSubject: three\n\nx\n");
        Files.writeString(dir.resolve(".hidden"), "ignored");
        var messages = CorpusReader.read(dir);
        assertThat(messages).extracting(CorpusMessage::origin).containsExactly(
                dir.resolve("box.mbox") + "#1", dir.resolve("box.mbox") + "#2", dir.resolve("single.eml").toString());
        assertThat(new String(messages.get(0).bytes(), StandardCharsets.US_ASCII)).contains("From here on").doesNotContain("two");
    }

    @Test
    void metricsFindRecallAtAFixedFalsePositiveRate() {
        var outcomes = new java.util.ArrayList<Outcome>();
        for (int i = 0; i < 1000; i++) {
            outcomes.add(new Outcome("h" + i, Kind.HAM, i == 0 ? 9 : i == 1 ? 4 : 0, java.util.List.of(), 0.5));
        }
        outcomes.add(new Outcome("s1", Kind.SPAM, 10, java.util.List.of(), 0.5));
        outcomes.add(new Outcome("s2", Kind.SPAM, 6, java.util.List.of(), 0.5));
        outcomes.add(new Outcome("s3", Kind.SPAM, 3, java.util.List.of(), 0.5));
        outcomes.add(new Outcome("hh", Kind.HARD_HAM, 5, java.util.List.of(), 0.5));
        Metrics m = Metrics.of(outcomes, 5.0);
        assertThat(m.spamRecall()).isEqualTo(2.0 / 3);
        assertThat(m.hamFalsePositives()).isEqualTo(1);
        assertThat(m.hardHamFalsePositiveRate()).isEqualTo(1.0);
        assertThat(m.recallAtFalsePositives().get(0.0)).isEqualTo(1.0 / 3);
        assertThat(m.recallAtFalsePositives().get(0.001)).isEqualTo(2.0 / 3);
        assertThat(m.recallAtFalsePositives().get(0.005)).isEqualTo(1.0);
        assertThat(m.cpuMillisPerMessage()).isEqualTo(0.5);
    }
}
