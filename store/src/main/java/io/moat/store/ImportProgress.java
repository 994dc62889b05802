// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

/** Told how many rows of a bulk import are written so far. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = done -> { };

    void written(long done);
}
