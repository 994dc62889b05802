// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import java.util.List;

/** The message log: one row per message and recipient, searchable, kept 180 days by default. */
public interface MessageLog {

    /** Writes the rows of one message (one per recipient) in one transaction. */
    void append(List<LogRow> rows);

    /** Newest first. */
    List<LogRow> search(LogQuery query);

    /** Deletes rows logged before {@code cutoff}; returns how many. */
    int purge(Instant cutoff);
}
