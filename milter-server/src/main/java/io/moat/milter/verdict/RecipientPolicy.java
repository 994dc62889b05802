// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.OptionalDouble;

/**
 * What one recipient wants done with mail: the SpamScore at which mail is spam for them, optional
 * higher scores at which spam is quarantined or rejected whatever the spam action says, the action
 * per class, and the subject tag for tagged mail.
 */
public record RecipientPolicy(
        double spamThreshold,
        OptionalDouble quarantineThreshold,
        OptionalDouble rejectThreshold,
        ActionPolicy actions,
        String subjectTag) {

    /**
     * A recipient of a pass-through domain: content filtering is off, so nothing but an oversized
     * message (a resource limit, not an opinion) is ever refused.
     */
    public static final RecipientPolicy PASS_THROUGH = new RecipientPolicy(Double.POSITIVE_INFINITY,
            OptionalDouble.empty(), OptionalDouble.empty(), new ActionPolicy(passThroughActions()), "");

    private static java.util.Map<Classification, Action> passThroughActions() {
        java.util.Map<Classification, Action> m = new java.util.EnumMap<>(Classification.class);
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

    /** The class of a scored message for this recipient: implied classes first, then the threshold. */
    public Classification classify(Decision d) {
        Classification c = Classification.CLEAN;
        for (Finding f : d.findings()) {
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
