// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One message, from MAIL to end of message or ABORT: envelope, headers, body and the findings
 * filters made about it. Filters only read it; the mutators are for the engine alone.
 */
public final class Transaction implements Closeable {
    private final Instant started;
    private final ReversePath sender;
    private final List<String> mailArgs;
    private final List<String> recipients = new ArrayList<>();
    private final List<HeaderField> headers = new ArrayList<>();
    private final MessageContent body;
    private final List<Finding> findings = new ArrayList<>();
    private long headerBytes;
    private Verdict pending = Verdict.CONTINUE;

    public Transaction(Instant started, ReversePath sender, List<String> mailArgs, MessageContent body) {
        this.started = started;
        this.sender = sender;
        this.mailArgs = List.copyOf(mailArgs);
        this.body = body;
    }

    public Instant started() {
        return started;
    }

    public ReversePath sender() {
        return sender;
    }

    public List<String> mailArgs() {
        return mailArgs;
    }

    /** The SIZE= the client declared at MAIL FROM (RFC 1870), if any. */
    public OptionalLong declaredSize() {
        for (String arg : mailArgs) {
            if (arg.regionMatches(true, 0, "SIZE=", 0, 5)) {
                try {
                    return OptionalLong.of(Long.parseLong(arg.substring(5)));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    public List<String> recipients() {
        return Collections.unmodifiableList(recipients);
    }

    public List<HeaderField> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        for (HeaderField h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** Headers plus body as the MTA passed them. */
    public long size() {
        return headerBytes + (headers.isEmpty() ? 0 : 2) + body.size();
    }

    public MessageContent body() {
        return body;
    }

    /** The whole message as received: header fields, a blank line, the body. */
    public InputStream openMessage() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream((int) Math.min(headerBytes + 2, 1 << 20));
        for (HeaderField h : headers) {
            head.writeBytes((h.name() + ": " + h.value().replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()), body.open());
    }

    /** A verdict reached at a stage that could not answer (NR_*), applied at the next answer. */
    public Verdict pending() {
        return pending;
    }

    public void addRecipient(String recipient) {
        recipients.add(recipient);
    }

    public void addHeader(HeaderField h) {
        headers.add(h);
        headerBytes += h.wireLength();
    }

    public void appendBody(byte[] chunk) throws IOException {
        body.append(chunk);
    }

    public void addFindings(List<Finding> more) {
        findings.addAll(more);
    }

    public void setPending(Verdict v) {
        pending = v;
    }

    public String subject() {
        return header("Subject").orElse("");
    }

    @Override
    public void close() {
        body.close();
    }
}
