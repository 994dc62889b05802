// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks the verdict for a decided message from the action configured for its class. The
 * rejection texts are the ones the sender reads, so they say what happened without internals.
 */
public final class ActionPolicy {
    private static final Pattern SIGNATURE_UNSAFE = Pattern.compile("[^A-Za-z0-9._:/+-]");
    private final Map<Classification, Action> actions;

    public ActionPolicy(Map<Classification, Action> actions) {
        EnumMap<Classification, Action> all = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            all.put(c, actions.getOrDefault(c, c == Classification.CLEAN ? Action.DELIVER : defaultFor(c)));
        }
        this.actions = all;
    }

    /** Moat's defaults: spam, virus, banned and oversized are refused; the rest delivered. */
    public static Action defaultFor(Classification c) {
        return switch (c) {
            case VIRUS, BANNED, SPAM, OVERSIZED -> Action.REJECT;
            case UNCHECKED, BAD_HEADER, CLEAN -> Action.DELIVER;
        };
    }

    public Action actionFor(Classification c) {
        return actions.get(c);
    }

    public Verdict verdictFor(Decision d) {
        Classification c = d.classification();
        return switch (actionFor(c)) {
            case DELIVER, TAG -> Verdict.CONTINUE;
            case REJECT -> new Verdict.Reject(rejection(c, d.findings()));
            case TEMPFAIL -> new Verdict.TempFail(SmtpReply.tempfail("Message deferred by policy, try again later"));
            case QUARANTINE -> new Verdict.Quarantine("Moat: " + c.label() + " score=" + d.score());
            case DROP -> new Verdict.Drop(c.label());
        };
    }

    /**
     * The reply a sender reads when a message of this class is refused; for a virus it names the
     * signature (the first finding that implies the virus class), so the sender can tell which
     * attachment to clean. Only letters, digits and {@code . _ - : / +} of the name are kept.
     */
    public static SmtpReply rejection(Classification c, List<Finding> findings) {
        SmtpReply plain = rejection(c);
        if (c != Classification.VIRUS) {
            return plain;
        }
        for (Finding f : findings) {
            if (f.implies() == Classification.VIRUS) {
                String name = SIGNATURE_UNSAFE.matcher(f.detail()).replaceAll("");
                if (!name.isEmpty()) {
                    String shown = name.length() > 80 ? name.substring(0, 80) : name;
                    return new SmtpReply(plain.code(), plain.enhanced(), plain.text() + " (" + shown + ")");
                }
            }
        }
        return plain;
    }

    /** The reply a sender reads when a message of this class is refused. */
    public static SmtpReply rejection(Classification c) {
        return switch (c) {
            case SPAM -> new SmtpReply(550, "5.7.1", "Message rejected as spam");
            case VIRUS -> new SmtpReply(550, "5.7.1", "Message rejected: it contains a virus");
            case BANNED -> new SmtpReply(550, "5.7.1", "Message rejected: it contains a banned file type");
            case OVERSIZED -> new SmtpReply(552, "5.3.4", "Message size exceeds fixed limit");
            case BAD_HEADER -> new SmtpReply(550, "5.6.0", "Message rejected: malformed header");
            case UNCHECKED -> new SmtpReply(550, "5.7.1", "Message rejected: content could not be checked");
            case CLEAN -> new SmtpReply(550, "5.7.1", "Message rejected by policy");
        };
    }
}
