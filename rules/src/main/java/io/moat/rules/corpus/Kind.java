// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

import io.moat.rules.bayes.Label;

/** The label of a corpus message; hard ham is ham that looks like spam, learned as ham, counted apart. */
public enum Kind {
    SPAM, HAM, HARD_HAM;

    public Label label() {
        return this == SPAM ? Label.SPAM : Label.HAM;
    }

    public boolean isSpam() {
        return this == SPAM;
    }
}
