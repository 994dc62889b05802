// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A quarantined message's metadata, without its content. */
public record QuarantinedMessage(
        long id,
        String queueId,
        String sender,
        List<QuarantinedRecipient> recipients,
        @Nullable String clientIp,
        Instant receivedAt,
        Classification classification,
        double score,
        List<String> findings,
        String reason,
        @Nullable String messageId,
        @Nullable String subject,
        long size,
        String sha256) {

    public QuarantinedMessage {
        recipients = List.copyOf(recipients);
        findings = List.copyOf(findings);
    }

    /** True when every recipient has been released. */
    public boolean fullyReleased() {
        return recipients.stream().allMatch(QuarantinedRecipient::released);
    }
}
