// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import io.moat.store.Actor;
import io.moat.store.QuarantineStore;
import io.moat.store.QuarantinedMessage;
import io.moat.store.QuarantinedRecipient;
import io.moat.store.ReleaseToken;
import io.moat.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Releases a quarantined message: re-injects the original bytes, with the
 * {@link ReleaseToken#HEADER} header put first, to the SMTP target for the chosen recipients, then
 * marks those copies released (audited). Sending comes first: if it fails nothing is marked; if
 * marking fails after a send the error says so, and a second release may deliver twice, which
 * is better than losing mail.
 */
public final class Releaser {
    private final QuarantineStore quarantine;
    private final SmtpClient smtp;
    private final SmtpTarget target;

    public Releaser(QuarantineStore quarantine, SmtpTarget target, String heloName) {
        this.quarantine = quarantine;
        this.target = target;
        this.smtp = new SmtpClient(target, heloName);
    }

    /**
     * Releases message {@code id} to {@code recipients}, or to every recipient not yet released
     * when empty.
     *
     * @throws StoreException for an unknown id or recipient, a message already released to all,
     *     or a failed re-injection
     */
    public Release release(long id, List<String> recipients, Actor actor) {
        QuarantinedMessage m = quarantine.find(id).orElseThrow(() -> new StoreException("no quarantined message with id " + id));
        List<String> chosen = choose(m, recipients);
        byte[] content = quarantine.content(id).orElseThrow(() -> new StoreException("message " + id + " vanished"));
        ReleaseToken token = quarantine.releaseToken(id).orElseThrow(() -> new StoreException("message " + id + " vanished"));
        String reply;
        try {
            reply = smtp.send(m.sender(), chosen, marked(content, token));
        } catch (IOException e) {
            throw new StoreException("re-injecting message " + id + " to " + target + " failed: " + e.getMessage()
                    + "; it stays quarantined", e);
        }
        try {
            quarantine.markReleased(id, chosen, actor);
        } catch (StoreException e) {
            throw new StoreException("message " + id + " was re-injected (" + reply + ") but could not be marked released: "
                    + e.getMessage(), e);
        }
        return new Release(id, chosen, target.toString(), reply);
    }

    private static List<String> choose(QuarantinedMessage m, List<String> wanted) {
        List<String> all = m.recipients().stream().map(QuarantinedRecipient::address).toList();
        if (wanted.isEmpty()) {
            List<String> waiting = m.recipients().stream().filter(r -> !r.released()).map(QuarantinedRecipient::address).toList();
            if (waiting.isEmpty()) {
                throw new StoreException("message " + m.id() + " was already released to all its recipients; name a recipient"
                        + " to release it again");
            }
            return waiting;
        }
        List<String> chosen = wanted.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        for (String r : chosen) {
            if (!all.contains(r)) {
                throw new StoreException("message " + m.id() + " was not quarantined for " + r + " (recipients: "
                        + String.join(", ", all) + ")");
            }
        }
        return chosen;
    }

    static byte[] marked(byte[] content, ReleaseToken token) {
        byte[] header = (ReleaseToken.HEADER + ": " + token.headerValue() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + content.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(content, 0, out, header.length, content.length);
        return out;
    }
}
