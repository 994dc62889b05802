// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.rules.message.Message;
import io.moat.rules.message.MessageParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerTest {
    private static Message message(String id, String body) {
        return MessageParser.parse(("Message-ID: <" + id + "@example.org>\nSubject: test\n\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void learningTheSameMessageTwiceChangesNothing() {
        MemoryTokenStore store = new MemoryTokenStore();
        Learner learner = new Learner(store, tokenizer);
        Message m = message("1", "cheap watches for sale");
        assertThat(learner.learn(m, Label.SPAM)).isEqualTo(LearnOutcome.LEARNED);
        int tokens = store.size();
        TokenCounts before = store.counts("cheap");
        assertThat(learner.learn(m, Label.SPAM)).isEqualTo(LearnOutcome.UNCHANGED);
        assertThat(store.totals()).isEqualTo(new TokenCounts(1, 0));
        assertThat(store.counts("cheap")).isEqualTo(before).isEqualTo(new TokenCounts(1, 0));
        assertThat(store.size()).isEqualTo(tokens);
    }

    @Test
    void relearningAsTheOtherClassMovesTheMessage() {
        MemoryTokenStore store = new MemoryTokenStore();
        Learner learner = new Learner(store, tokenizer);
        Message m = message("2", "meeting notes attached");
        learner.learn(m, Label.SPAM);
        assertThat(learner.learn(m, Label.HAM)).isEqualTo(LearnOutcome.MOVED);
        assertThat(store.totals()).isEqualTo(new TokenCounts(0, 1));
        assertThat(store.counts("meeting")).isEqualTo(new TokenCounts(0, 1));
        assertThat(store.learnedAs(Learner.key(m))).contains(Label.HAM);
    }

    @Test
    void forgettingRemovesEveryCount() {
        MemoryTokenStore store = new MemoryTokenStore();
        Learner learner = new Learner(store, tokenizer);
        Message m = message("3", "quarterly report");
        learner.learn(m, Label.HAM);
        assertThat(learner.forget(m)).isTrue();
        assertThat(store.size()).isZero();
        assertThat(store.totals()).isEqualTo(TokenCounts.NONE);
        assertThat(learner.forget(m)).isFalse();
    }

    @Test
    void theKeyDependsOnMessageIdAndBodyNotOnTraceHeaders() {
        Message a = MessageParser.parse("Received: from a\nMessage-ID: <x@y>\n\nbody".getBytes(StandardCharsets.US_ASCII));
        Message b = MessageParser.parse("Received: from b\nMessage-ID: <x@y>\n\nbody".getBytes(StandardCharsets.US_ASCII));
        Message c = MessageParser.parse("Message-ID: <x@y>\n\nother body".getBytes(StandardCharsets.US_ASCII));
        assertThat(Learner.key(a)).isEqualTo(Learner.key(b)).isNotEqualTo(Learner.key(c));
    }

    @Test
    void aFileStoreSurvivesSaveAndOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bayes.state");
        FileTokenStore store = FileTokenStore.open(file);
        Learner learner = new Learner(store, tokenizer);
        Message m = message("4", "limited offer");
        learner.learn(m, Label.SPAM);
        store.save();
        FileTokenStore reopened = FileTokenStore.open(file);
        assertThat(reopened.totals()).isEqualTo(new TokenCounts(1, 0));
        assertThat(reopened.counts("limited")).isEqualTo(new TokenCounts(1, 0));
        assertThat(new Learner(reopened, tokenizer).learn(m, Label.SPAM)).isEqualTo(LearnOutcome.UNCHANGED);
    }
}
