// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

/** Told how far a long corpus run has come. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, phase) -> { };

    void step(int done, int total, String phase);
}
