// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import io.moat.rules.corpus.CorpusMessage;
import io.moat.rules.corpus.CorpusReader;
import io.moat.rules.corpus.Kind;
import io.moat.rules.corpus.LabelledMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The labelled corpus a command reads: folders or mbox files of spam, ham and hard ham. */
public final class CorpusOptions {
    @Option(names = "--spam", paramLabel = "PATH", description = "Spam: a folder (one file per message) or an mbox (repeatable).")
    List<Path> spam = new ArrayList<>();

    @Option(names = "--ham", paramLabel = "PATH", description = "Ham, likewise (repeatable).")
    List<Path> ham = new ArrayList<>();

    @Option(names = "--hard-ham", paramLabel = "PATH", description = "Ham that looks like spam, counted apart (repeatable).")
    List<Path> hardHam = new ArrayList<>();

    public boolean isEmpty() {
        return spam.isEmpty() && ham.isEmpty() && hardHam.isEmpty();
    }

    public List<LabelledMessage> read() throws IOException {
        List<LabelledMessage> out = new ArrayList<>();
        add(spam, Kind.SPAM, out);
        add(ham, Kind.HAM, out);
        add(hardHam, Kind.HARD_HAM, out);
        return out;
    }

    private static void add(List<Path> paths, Kind kind, List<LabelledMessage> out) throws IOException {
        for (Path p : paths) {
            for (CorpusMessage m : CorpusReader.read(p)) {
                out.add(new LabelledMessage(m, kind));
            }
        }
    }
}
