// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.pipeline.Stage;
import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.Negotiated;
import io.moat.milter.verdict.SmtpReply;
import io.moat.milter.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where a verdict becomes milter replies. Before end of message only terminal
 * replies are allowed; at end of message modifications come first and the terminal reply last,
 * all sent in one write.
 */
final class ResponsePlan {
    private static final SmtpReply REFUSED = new SmtpReply(550, "5.7.1", "Refused by policy");

    private ResponsePlan() {
    }

    /** The reply to a command before end of message. */
    static Response beforeEndOfMessage(Stage stage, Verdict verdict) {
        return switch (verdict) {
            case Verdict.Continue c -> new Response.Continue();
            // Held back by the engine and applied at end of message.
            case Verdict.Quarantine q -> new Response.Continue();
            case Verdict.Deliver d -> new Response.Accept();
            case Verdict.Reject r -> r.reply().toResponse();
            case Verdict.TempFail t -> t.reply().toResponse();
            // DISCARD is not valid before MAIL; Postfix would apply its default action.
            case Verdict.Drop d -> stage.compareTo(Stage.MAIL) < 0 ? REFUSED.toResponse() : new Response.Discard();
        };
    }

    /**
     * The replies at end of message: headers Moat owns that the sender brought are removed, the
     * trace and X-Spam-* headers added, the subject tagged, recipients whose copy is held or
     * dropped removed; the final answer comes last.
     */
    static List<Response> endOfMessage(DeliveryPlan plan, Negotiated negotiated, EndOfMessageHeaders h) {
        Verdict verdict = plan.verdict();
        List<Response> out = new ArrayList<>(8);
        boolean delivering = verdict instanceof Verdict.Continue || verdict instanceof Verdict.Deliver;
        if (delivering) {
            String lead = negotiated.has(ProtocolFlag.SMFIP_HDR_LEADSPC) ? " " : "";
            if (negotiated.may(ActionFlag.SMFIF_CHGHDRS)) {
                out.addAll(h.removeForged());
            }
            if (!plan.subjectTag().isEmpty()) {
                // Changing the Subject needs CHGHDRS; adding one where there was none needs ADDHDRS.
                Response subject = h.taggedSubject(plan.subjectTag(), lead);
                if (negotiated.may(subject instanceof Response.AddHeader ? ActionFlag.SMFIF_ADDHDRS : ActionFlag.SMFIF_CHGHDRS)) {
                    out.add(subject);
                }
            }
            if (negotiated.may(ActionFlag.SMFIF_ADDHDRS)) {
                out.addAll(h.added(plan.tagged(), lead));
            }
            for (String r : plan.removed()) {
                out.add(new Response.DeleteRecipient("<" + r + ">"));
            }
        }
        switch (verdict) {
            case Verdict.Continue c -> out.add(new Response.Continue());
            case Verdict.Deliver d -> out.add(new Response.Accept());
            // DeliveryPlan turns every quarantine into held recipients and a discard, so a plan never
            // carries this verdict; were one to, the sender retries rather than the mail going out.
            case Verdict.Quarantine q -> out.add(SmtpReply.tempfail("Message cannot be quarantined now, try again later").toResponse());
            case Verdict.Reject r -> out.add(r.reply().toResponse());
            case Verdict.TempFail t -> out.add(t.reply().toResponse());
            case Verdict.Drop d -> out.add(new Response.Discard());
        }
        return out;
    }
}
