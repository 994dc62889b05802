// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

/** How many learned spam and ham messages contained a token (or, as totals, were learned). */
public record TokenCounts(long spam, long ham) {
    public static final TokenCounts NONE = new TokenCounts(0, 0);

    public TokenCounts {
        if (spam < 0 || ham < 0) {
            throw new IllegalArgumentException("negative count: spam=" + spam + " ham=" + ham);
        }
    }

    public long of(Label label) {
        return label == Label.SPAM ? spam : ham;
    }

    public TokenCounts plus(Label label, long delta) {
        return label == Label.SPAM ? new TokenCounts(Math.max(0, spam + delta), ham)
                : new TokenCounts(spam, Math.max(0, ham + delta));
    }
}
