// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

/** What one clamd said about one stream. A failure is never read as clean. */
public sealed interface ScanResult {
    record Clean() implements ScanResult {
    }

    /** clamd found something; {@code signature} is its name, e.g. {@code Win.Test.EICAR_HDB-1}. */
    record Infected(String signature) implements ScanResult {
    }

    /** No answer to trust: the stream was not (fully) scanned. */
    record Failed(Cause cause, String detail) implements ScanResult {
    }

    /** Why a scan failed. */
    enum Cause {
        /** clamd could not be reached (refused, no socket, closed early). */
        UNAVAILABLE,
        /** clamd did not answer within the configured time. */
        TIMEOUT,
        /** The stream is larger than the configured maximum stream size (clamd's StreamMaxLength). */
        TOO_LARGE,
        /** clamd answered with an error or something we do not understand. */
        ERROR
    }

    ScanResult CLEAN = new Clean();

    /** Infected outranks failed outranks clean: with several engines the worst answer counts. */
    default ScanResult worse(ScanResult other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(ScanResult r) {
        return switch (r) {
            case Clean c -> 0;
            case Failed f -> 1;
            case Infected i -> 2;
        };
    }
}
