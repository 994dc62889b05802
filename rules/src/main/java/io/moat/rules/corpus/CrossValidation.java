// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import io.moat.rules.ContentScorer;
import io.moat.rules.bayes.ChiSquareClassifier;
import io.moat.rules.bayes.Learner;
import io.moat.rules.bayes.MemoryTokenStore;
import io.moat.rules.bayes.Tokenizer;
import io.moat.rules.lang.RuleSet;
import io.moat.rules.message.Message;
import io.moat.rules.message.MessageParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * k-fold cross-validation: messages are split into k folds (stratified by kind, in a fixed
 * pseudo-random order so runs repeat); for each fold a fresh statistical filter learns the other
 * k-1 folds and the fold is scored. Every message is scored exactly once, by a filter that never
 * saw it. A seed other than 0 deals the folds differently, so a figure can be checked on several
 * splits rather than trusted from one.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    public static List<Outcome> run(List<LabelledMessage> corpus, int folds, RuleSet rules,
            ChiSquareClassifier classifier, Progress progress) {
        return run(corpus, folds, 0, rules, classifier, progress);
    }

    public static List<Outcome> run(List<LabelledMessage> corpus, int folds, int seed, RuleSet rules,
            ChiSquareClassifier classifier, Progress progress) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        Tokenizer tokenizer = new Tokenizer();
        List<Prepared> prepared = new ArrayList<>(corpus.size());
        for (LabelledMessage m : corpus) {
            Message parsed = MessageParser.parse(m.message().bytes());
            prepared.add(new Prepared(m, Learner.key(parsed), tokenizer.tokens(parsed)));
            progress.step(prepared.size(), corpus.size(), "tokenizing");
        }
        int[] fold = assignFolds(corpus, folds, seed);
        List<Outcome> out = new ArrayList<>(corpus.size());
        for (int f = 0; f < folds; f++) {
            MemoryTokenStore store = new MemoryTokenStore();
            Learner learner = new Learner(store, tokenizer);
            for (int i = 0; i < prepared.size(); i++) {
                if (fold[i] != f) {
                    Prepared p = prepared.get(i);
                    learner.learn(p.key(), p.tokens(), p.message().kind().label());
                }
            }
            ContentScorer scorer = new ContentScorer(rules, store, tokenizer, classifier);
            for (int i = 0; i < prepared.size(); i++) {
                if (fold[i] == f) {
                    out.add(Evaluation.score(prepared.get(i).message(), scorer));
                    progress.step(out.size(), corpus.size(), "fold " + (f + 1) + "/" + folds);
                }
            }
        }
        return out;
    }

    /** Fold of each message: per kind, messages in order of a hash of their origin, dealt round-robin. */
    static int[] assignFolds(List<LabelledMessage> corpus, int folds, int seed) {
        int[] fold = new int[corpus.size()];
        for (Kind kind : Kind.values()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (corpus.get(i).kind() == kind) {
                    idx.add(i);
                }
            }
            idx.sort(Comparator.comparingInt((Integer i) -> mix(corpus.get(i).message().origin(), seed)).thenComparing(i -> i));
            for (int j = 0; j < idx.size(); j++) {
                fold[idx.get(j)] = j % folds;
            }
        }
        return fold;
    }

    /** A hash of the file name only (and the seed), so folds do not change when the corpus moves. */
    private static int mix(String origin, int seed) {
        int slash = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
        int h = (origin.substring(slash + 1).hashCode() ^ seed * 0x2545F491) * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private record Prepared(LabelledMessage message, String key, Set<String> tokens) {
    }
}
