// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the message log: one message for one recipient.
 *
 * @param id the row id; 0 for a row not yet written
 * @param loggedAt when the verdict was reached
 * @param host the gateway node that handled the message
 * @param queueId Postfix's queue id
 * @param messageId the Message-ID header, if any
 * @param sender the envelope sender, {@code ""} for the null sender
 * @param recipient this row's envelope recipient
 * @param destination what happened to the message for this recipient
 * @param classification what the filters concluded
 * @param score the SpamScore
 * @param size the message size in bytes
 * @param relayIp the SMTP client's address
 * @param subject the Subject header, if any
 * @param detail virus name or banned file, if any
 * @param quarantineId the quarantine id when the message was quarantined
 */
public record LogRow(
        long id,
        Instant loggedAt,
        String host,
        String queueId,
        @Nullable String messageId,
        String sender,
        String recipient,
        Destination destination,
        Classification classification,
        double score,
        long size,
        @Nullable String relayIp,
        @Nullable String subject,
        @Nullable String detail,
        @Nullable Long quarantineId) {

    public LogRow {
        Objects.requireNonNull(loggedAt, "loggedAt");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(classification, "classification");
    }
}
