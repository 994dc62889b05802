// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

/** What learning one message did. */
public enum LearnOutcome {
    /** The message was new and is now learned. */
    LEARNED,
    /** The message was already learned as this class: nothing changed. */
    UNCHANGED,
    /** The message had been learned as the other class and was moved. */
    MOVED
}
