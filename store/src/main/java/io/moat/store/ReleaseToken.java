// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Objects;

/**
 * Proof that a message was released from the quarantine: {@code ID-SECRET}, where SECRET is a
 * random value kept with the message and never shown by the CLI. The release adds it as the
 * {@value #HEADER} header (the first line) to the copy it re-injects; the daemon calls
 * {@link QuarantineStore#isReleased(String)} on that header and skips the quarantine when true. A
 * sender cannot forge it without reading the store. It stays valid while the message is in the
 * quarantine (until deleted or purged).
 */
public record ReleaseToken(long id, String secret) {
    public static final String HEADER = "X-Moat-Released";

    public ReleaseToken {
        Objects.requireNonNull(secret, "secret");
    }

    public String headerValue() {
        return id + "-" + secret;
    }
}
