// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.record;

import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What Moat did with one message for some of its recipients (all of them unless their policies
 * differ), for the gateway log line and the message log. The quarantine id is 0 when not held.
 */
public record MessageRecord(
        Instant time,
        String host,
        String action,
        Classification classification,
        String sender,
        List<String> recipients,
        String subject,
        String messageId,
        double score,
        long size,
        String queueId,
        String clientAddress,
        Duration elapsed,
        List<Finding> findings,
        long quarantineId) {
    public MessageRecord {
        recipients = List.copyOf(recipients);
        findings = List.copyOf(findings);
    }
}
