// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to quarantine, as the daemon hands it over at end of message.
 *
 * @param queueId Postfix's queue id ({@code i} macro)
 * @param sender the envelope sender, {@code ""} for the null sender
 * @param recipients the envelope recipients whose copy is quarantined (at least one)
 * @param clientIp the SMTP client's address, if known
 * @param receivedAt when the message was received
 * @param classification what the filters concluded
 * @param score the SpamScore
 * @param findings the findings' symbols with detail, e.g. {@code AV_INFECTED(Eicar-Signature)}
 * @param reason one line an operator reads: why it was quarantined
 * @param messageId the Message-ID header, if any
 * @param subject the Subject header, if any
 * @param content the raw message (headers and body) exactly as received
 */
public record QuarantineEntry(
        String queueId,
        String sender,
        List<String> recipients,
        @Nullable String clientIp,
        Instant receivedAt,
        Classification classification,
        double score,
        List<String> findings,
        String reason,
        @Nullable String messageId,
        @Nullable String subject,
        byte[] content) {

    public QuarantineEntry {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        findings = List.copyOf(findings);
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(content, "content");
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a quarantined message needs at least one recipient");
        }
    }

    /** SHA-256 of the content, hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * The idempotency key: sender, recipients and content hash, without the queue id. When the
     * daemon dies between this write and its answer, Postfix tempfails the SMTP client, which sends
     * the same bytes again later under a new queue id: the copy maps to the same key and is
     * stored once. (Postfix's own Received header is not part of what a milter sees.)
     */
    public String messageKey() {
        return messageKey(sha256());
    }

    /** {@link #messageKey()} for a content hash already computed. */
    public String messageKey(String contentSha256) {
        String who = sender + ">" + String.join(",", recipients.stream().sorted().toList());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(who.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16) + ":" + contentSha256;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** A short form for logs: never the content. */
    @Override
    public String toString() {
        return "QuarantineEntry[queueId=" + queueId + ", recipients=" + recipients + ", size=" + content.length
                + ", classification=" + classification.label() + "]";
    }
}
