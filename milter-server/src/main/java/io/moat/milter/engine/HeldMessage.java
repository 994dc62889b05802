// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Decision;
import java.time.Instant;
import java.util.List;

/** A message to quarantine for some of its recipients, as the engine hands it to the sink. */
public record HeldMessage(
        Transaction transaction,
        List<String> recipients,
        Classification classification,
        Decision decision,
        String reason,
        String queueId,
        String clientAddress,
        Instant time) {
    public HeldMessage {
        recipients = List.copyOf(recipients);
    }
}
