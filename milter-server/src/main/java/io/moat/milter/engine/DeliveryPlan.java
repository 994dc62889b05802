// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Decision;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to one message at end of data, recipient by recipient. When all recipients want
 * the same, the message gets that action. When they differ, the message is delivered to those who
 * want it (tagged where asked) and the others are removed with DELRCPT: a copy is kept in the
 * quarantine for those whose policy quarantines, rejects or tempfails (a milter cannot refuse one
 * recipient at end of data, and bouncing the whole message would refuse the others' mail too),
 * and nothing for those whose policy drops. Recipients may class the message differently (each
 * judges attachments by its own banned list); a mixed plan carries the strongest class among
 * the removed recipients, which is what the held copy is and what the log line says.
 *
 * @param verdict the message-level outcome
 * @param actions each recipient's action, in envelope order: {@code QUARANTINE} for a held recipient
 *     whose policy asked for reject or tempfail among recipients who get the message
 * @param held recipients whose copy goes to the quarantine
 * @param removed recipients removed from this delivery with DELRCPT
 * @param tagged whether X-Spam-Flag: YES is added
 * @param subjectTag text put before the Subject, or empty
 * @param decisions each recipient's view of the decision where its policy differs from the
 *     message's (its own banned list): the findings and class to log and to keep with its copy
 */
record DeliveryPlan(
        Verdict verdict,
        Map<String, Action> actions,
        Classification classification,
        List<String> held,
        List<String> removed,
        boolean tagged,
        String subjectTag,
        Map<String, Decision> decisions) {

    DeliveryPlan {
        decisions = Map.copyOf(decisions);
    }

    DeliveryPlan(Verdict verdict, Map<String, Action> actions, Classification classification, List<String> held,
            List<String> removed, boolean tagged, String subjectTag) {
        this(verdict, actions, classification, held, removed, tagged, subjectTag, Map.of());
    }

    /** The decision as {@code recipients} (one group of a plan) see it: the first one's view, else the message's. */
    Decision decisionFor(List<String> recipients, Decision message) {
        return recipients.isEmpty() ? message : decisions.getOrDefault(recipients.get(0), message);
    }

    private static final EnumSet<Action> DELIVERING = EnumSet.of(Action.DELIVER, Action.TAG);

    /** Whether {@code recipient} gets the copy that goes on (delivered or tagged). */
    boolean delivers(String recipient) {
        Action a = actions.get(recipient);
        return a != null && DELIVERING.contains(a);
    }
    private static final EnumSet<Action> HOLDING = EnumSet.of(Action.QUARANTINE, Action.REJECT, Action.TEMPFAIL);

    /** A verdict reached by a filter (tempfail from a dead antivirus, say) applies to everyone. */
    static DeliveryPlan whole(Verdict verdict, List<String> recipients, Classification cls) {
        Map<String, Action> actions = new LinkedHashMap<>();
        Action a = switch (verdict) {
            case Verdict.Continue c -> Action.DELIVER;
            case Verdict.Deliver d -> Action.DELIVER;
            case Verdict.Reject r -> Action.REJECT;
            case Verdict.TempFail t -> Action.TEMPFAIL;
            case Verdict.Quarantine q -> Action.QUARANTINE;
            case Verdict.Drop d -> Action.DROP;
        };
        recipients.forEach(r -> actions.put(r, a));
        List<String> held = a == Action.QUARANTINE ? List.copyOf(recipients) : List.of();
        Verdict v = a == Action.QUARANTINE ? new Verdict.Drop("quarantined") : verdict;
        return new DeliveryPlan(v, actions, cls, held, List.of(), false, "");
    }

    static DeliveryPlan decide(List<String> recipients, Decision d, PolicySource policies, boolean mayDeleteRecipients) {
        Map<String, Action> actions = new LinkedHashMap<>();
        Map<String, RecipientPolicy> chosen = new LinkedHashMap<>();
        Map<String, Decision> views = new LinkedHashMap<>();
        for (String r : recipients) {
            RecipientPolicy p = policies.forRecipient(r);
            chosen.put(r, p);
            actions.put(r, p.actionFor(d));
            Decision view = p.decisionFor(d);
            if (view != d) {
                views.put(r, view);
            }
        }
        return withViews(combine(recipients, d, policies, mayDeleteRecipients, actions, chosen), views);
    }

    private static DeliveryPlan withViews(DeliveryPlan p, Map<String, Decision> views) {
        return views.isEmpty() ? p : new DeliveryPlan(p.verdict, p.actions, p.classification, p.held, p.removed, p.tagged,
                p.subjectTag, views);
    }

    private static DeliveryPlan combine(List<String> recipients, Decision d, PolicySource policies, boolean mayDeleteRecipients,
            Map<String, Action> actions, Map<String, RecipientPolicy> chosen) {
        RecipientPolicy first = recipients.isEmpty() ? policies.forRecipient("") : chosen.get(recipients.get(0));
        Classification cls = first.classify(d);
        if (recipients.isEmpty() || actions.values().stream().distinct().count() == 1) {
            Action a = recipients.isEmpty() ? first.actionFor(d) : actions.get(recipients.get(0));
            return uniform(a, actions, cls, recipients, first.subjectTag(), d);
        }
        List<String> delivered = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean anyTag = false;
        boolean allTag = true;
        Classification removedCls = Classification.CLEAN;
        for (Map.Entry<String, Action> e : actions.entrySet()) {
            Action a = e.getValue();
            if (DELIVERING.contains(a)) {
                delivered.add(e.getKey());
                anyTag |= a == Action.TAG;
                allTag &= a == Action.TAG;
            } else {
                removed.add(e.getKey());
                removedCls = removedCls.strongest(chosen.get(e.getKey()).classify(d));
                if (HOLDING.contains(a)) {
                    held.add(e.getKey());
                }
            }
        }
        if (!removed.isEmpty()) {
            // What kept the message from some recipients names it (their banned list, say), and the held copy with it.
            cls = removedCls;
        }
        if (!mayDeleteRecipients && !delivered.isEmpty()) {
            return new DeliveryPlan(Verdict.CONTINUE, actions, cls, List.of(), List.of(), false, "")
                    .tempfail("Recipients need different handling; try again later");
        }
        // A held recipient's copy is in the quarantine, whatever its policy asked: say so in the log.
        held.forEach(r -> actions.put(r, Action.QUARANTINE));
        if (delivered.isEmpty()) {
            // Nobody gets it now: keep the copies that policy keeps, accept and discard the rest.
            return new DeliveryPlan(new Verdict.Drop("held or dropped for every recipient"), actions, cls, held, List.of(), false, "");
        }
        String tag = allTag ? chosen.get(delivered.get(0)).subjectTag() : "";
        return new DeliveryPlan(Verdict.CONTINUE, actions, cls, held, removed, anyTag, tag);
    }

    private static DeliveryPlan uniform(Action a, Map<String, Action> actions, Classification cls, List<String> recipients, String tag,
            Decision d) {
        return switch (a) {
            case DELIVER -> new DeliveryPlan(Verdict.CONTINUE, actions, cls, List.of(), List.of(), false, "");
            case TAG -> new DeliveryPlan(Verdict.CONTINUE, actions, cls, List.of(), List.of(), true, tag);
            case QUARANTINE -> new DeliveryPlan(new Verdict.Drop("quarantined"), actions, cls, List.copyOf(recipients), List.of(), false, "");
            case REJECT -> new DeliveryPlan(new Verdict.Reject(ActionPolicy.rejection(cls, d.findings())), actions, cls, List.of(), List.of(), false, "");
            case TEMPFAIL -> new DeliveryPlan(new Verdict.TempFail(SmtpReply.tempfail("Message deferred by policy, try again later")),
                    actions, cls, List.of(), List.of(), false, "");
            case DROP -> new DeliveryPlan(new Verdict.Drop(cls.label()), actions, cls, List.of(), List.of(), false, "");
        };
    }

    /** The same plan with every recipient tempfailed: what a failed quarantine write becomes. */
    DeliveryPlan tempfail(String why) {
        Map<String, Action> all = new LinkedHashMap<>();
        actions.keySet().forEach(r -> all.put(r, Action.TEMPFAIL));
        return new DeliveryPlan(new Verdict.TempFail(SmtpReply.tempfail(why)), all, classification, List.of(), List.of(), false, "");
    }
}
