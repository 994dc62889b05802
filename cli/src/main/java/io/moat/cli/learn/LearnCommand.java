// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.learn;

import io.moat.cli.ExitCodes;
import io.moat.cli.corpus.CorpusOptions;
import io.moat.cli.corpus.ProgressBar;
import io.moat.cli.options.CliException;
import io.moat.cli.options.StoreOptions;
import io.moat.milter.store.StoreTokenStore;
import io.moat.rules.bayes.FileTokenStore;
import io.moat.rules.bayes.TokenStore;
import io.moat.store.SchemaMode;
import io.moat.store.Store;
import io.moat.store.StoreException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import io.moat.rules.bayes.LearnOutcome;
import io.moat.rules.bayes.Learner;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.corpus.LabelledMessage;
import io.moat.rules.corpus.Progress;
import io.moat.rules.message.MessageParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moat learn}: train the statistical filter, idempotently per message. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Train the statistical filter on spam and ham (folders of one file per message, or mbox files).",
            "Learning a message twice changes nothing; learning it as the other class moves it. "
                + "Hard ham (--hard-ham) is learned as ham."})
public final class LearnCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--state", paramLabel = "FILE", description = "The statistical filter's state file (created if missing).")
    @Nullable Path state;

    @Option(names = "--shared", description = "Learn into the store (see --store), whose state every node loads (bayes.state: store).")
    boolean shared;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (corpus.isEmpty()) {
            err.println("moat: give --spam and/or --ham folders or mbox files");
            return ExitCodes.USAGE;
        }
        if ((state == null) == !shared) {
            err.println("moat: give exactly one of --state FILE and --shared");
            return ExitCodes.USAGE;
        }
        if (shared) {
            try (Store db = Store.open(storeOptions.store(SchemaMode.MIGRATE), Clock.systemUTC())) {
                return learn(new StoreTokenStore(db.bayes()), () -> { }, out, err);
            } catch (StoreException | CliException e) {
                err.println("moat: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
        FileTokenStore file = FileTokenStore.open(state);
        return learn(file, file::save, out, err);
    }

    /** Saving, for a store that is not written as it goes. */
    private interface Save {
        void save() throws java.io.IOException;
    }

    private int learn(TokenStore store, Save save, PrintWriter out, PrintWriter err) throws java.io.IOException {
        Learner learner = new Learner(store, new Tokenizer());
        List<LabelledMessage> messages = corpus.read();
        Progress progress = quiet ? Progress.NONE : new ProgressBar(err);
        Map<LearnOutcome, Integer> counts = new EnumMap<>(LearnOutcome.class);
        int done = 0;
        for (LabelledMessage m : messages) {
            LearnOutcome o = learner.learn(MessageParser.parse(m.message().bytes()), m.kind().label());
            counts.merge(o, 1, Integer::sum);
            progress.step(++done, messages.size(), "learning");
        }
        save.save();
        out.printf("learned %d, moved %d, unchanged %d; state now holds %d spam and %d ham%n",
                counts.getOrDefault(LearnOutcome.LEARNED, 0), counts.getOrDefault(LearnOutcome.MOVED, 0),
                counts.getOrDefault(LearnOutcome.UNCHANGED, 0), store.totals().spam(), store.totals().ham());
        return ExitCodes.OK;
    }
}
