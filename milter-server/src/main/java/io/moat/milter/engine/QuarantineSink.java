// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import java.io.IOException;

/**
 * Where quarantined copies go. {@link #hold} returns only once the copy is durable: the engine
 * answers Postfix after it, and answers tempfail when it throws.
 */
public interface QuarantineSink {
    /** Stores the message for its held recipients; returns the quarantine id. */
    long hold(HeldMessage message) throws IOException;

    /** Whether a message carrying this release-token header value was released from quarantine. */
    boolean isReleased(String token);

    /** The header a released copy carries. */
    String releaseHeader();

    /** No quarantine configured: every hold fails, so such messages are tempfailed, never lost. */
    QuarantineSink NONE = new QuarantineSink() {
        @Override
        public long hold(HeldMessage message) throws IOException {
            throw new IOException("no quarantine store is configured");
        }

        @Override
        public boolean isReleased(String token) {
            return false;
        }

        @Override
        public String releaseHeader() {
            return "X-Moat-Release";
        }
    };
}
