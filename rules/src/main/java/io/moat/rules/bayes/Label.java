// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

/** The class a message is learned as. */
public enum Label {
    SPAM,
    HAM;

    public Label other() {
        return this == SPAM ? HAM : SPAM;
    }
}
