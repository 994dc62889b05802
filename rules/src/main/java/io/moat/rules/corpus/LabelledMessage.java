// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

/** A corpus message and what it truly is. */
public record LabelledMessage(CorpusMessage message, Kind kind) {
}
