// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.record;

/** Where the outcome of each message goes: the log line, the message log in the store, metrics. */
@FunctionalInterface
public interface MessageRecorder {
    void record(MessageRecord record);
}
