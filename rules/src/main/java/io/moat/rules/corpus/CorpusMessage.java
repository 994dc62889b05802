// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.corpus;

/** One message read from a corpus: where it came from ({@code file} or {@code file#n}) and its bytes. */
public record CorpusMessage(String origin, byte[] bytes) {
}
