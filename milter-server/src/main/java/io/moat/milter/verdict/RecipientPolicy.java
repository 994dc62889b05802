// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one recipient wants done with mail: the SpamScore at which mail is spam for them, optional
 * higher scores at which spam is quarantined or rejected whatever the spam action says, the action
 * per class, the subject tag for tagged mail, the recipient's own banned file types (empty: the
 * global list the content walk applied stands), and whether mail may reach them unscanned when
 * the antivirus cannot answer.
 */
public record RecipientPolicy(
        double spamThreshold,
        OptionalDouble quarantineThreshold,
        OptionalDouble rejectThreshold,
        ActionPolicy actions,
        String subjectTag,
        Optional<BannedTypes> banned,
        boolean antivirusFailOpen) {

    /**
     * A recipient of a pass-through domain: content filtering is off, so nothing but an oversized
     * message (a resource limit, not an opinion) is ever refused, and an unscanned message is fine.
     */
    public static final RecipientPolicy PASS_THROUGH = new RecipientPolicy(Double.POSITIVE_INFINITY,
            OptionalDouble.empty(), OptionalDouble.empty(), new ActionPolicy(passThroughActions()), "", Optional.empty(), true);

    /** A policy with the global banned list and antivirus failing closed. */
    public RecipientPolicy(double spamThreshold, OptionalDouble quarantineThreshold, OptionalDouble rejectThreshold,
            ActionPolicy actions, String subjectTag) {
        this(spamThreshold, quarantineThreshold, rejectThreshold, actions, subjectTag, Optional.empty(), false);
    }

    private static Map<Classification, Action> passThroughActions() {
        Map<Classification, Action> m = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            m.put(c, c == Classification.OVERSIZED ? Action.REJECT : Action.DELIVER);
        }
        return m;
    }

    /** Whether content filtering is off for this recipient. */
    public boolean passThrough() {
        return this == PASS_THROUGH;
    }

    /** A policy with one spam threshold, no stricter tiers and no subject tag. */
    public static RecipientPolicy of(double spamThreshold, ActionPolicy actions) {
        return new RecipientPolicy(spamThreshold, OptionalDouble.empty(), OptionalDouble.empty(), actions, "");
    }

    /** The same policy judging attachments by {@code list} instead of the global one. */
    public RecipientPolicy withBanned(BannedTypes list) {
        return new RecipientPolicy(spamThreshold, quarantineThreshold, rejectThreshold, actions, subjectTag,
                Optional.of(list), antivirusFailOpen);
    }

    /** The same policy with antivirus fail-open on or off. */
    public RecipientPolicy withAntivirusFailOpen(boolean failOpen) {
        return new RecipientPolicy(spamThreshold, quarantineThreshold, rejectThreshold, actions, subjectTag, banned, failOpen);
    }

    /**
     * The message's findings as this recipient sees them: with its own banned list, the banned
     * findings of the global list are replaced by those of its own, judged on the decision's files.
     */
    public List<Finding> findings(Decision d) {
        if (banned.isEmpty()) {
            return d.findings();
        }
        List<Finding> out = new ArrayList<>(d.findings().size());
        for (Finding f : d.findings()) {
            if (!BannedTypes.isListFinding(f)) {
                out.add(f);
            }
        }
        out.addAll(banned.get().findings(d.files()));
        return out;
    }

    /** The decision as this recipient sees it: its findings and its class, the same score. */
    public Decision decisionFor(Decision d) {
        return banned.isEmpty() ? d : new Decision(d.score(), classify(d), findings(d), d.files());
    }

    /** The class of a scored message for this recipient: implied classes first, then the threshold. */
    public Classification classify(Decision d) {
        Classification c = Classification.CLEAN;
        for (Finding f : findings(d)) {
            if (f.implies() != null) {
                c = c.strongest(f.implies());
            }
        }
        if (d.score() >= spamThreshold) {
            c = c.strongest(Classification.SPAM);
        }
        return c;
    }

    /** The action for a scored message; the score tiers only ever make spam handling stricter. */
    public Action actionFor(Decision d) {
        Classification c = classify(d);
        Action a = actions.actionFor(c);
        if (c != Classification.SPAM || a == Action.DROP || a == Action.TEMPFAIL) {
            return a;
        }
        if (rejectThreshold.isPresent() && d.score() >= rejectThreshold.getAsDouble()) {
            return Action.REJECT;
        }
        if (quarantineThreshold.isPresent() && d.score() >= quarantineThreshold.getAsDouble()
                && (a == Action.DELIVER || a == Action.TAG)) {
            return Action.QUARANTINE;
        }
        return a;
    }
}
