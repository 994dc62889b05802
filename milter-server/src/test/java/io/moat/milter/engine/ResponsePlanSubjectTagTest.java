// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.HeaderField;
import io.moat.milter.session.Negotiated;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Decision;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Found with miltertest (issue 2, tag.lua): for tagged spam without a Subject, Moat added a
 * tagged Subject with SMFIR_ADDHEADER whenever the MTA had granted CHGHDRS, even when it had not
 * granted ADDHDRS. A milter must use only the actions agreed in OPTNEG. Now adding the Subject
 * needs ADDHDRS and changing it needs CHGHDRS; and {@link ReplyDiscipline} refuses any reply
 * whose action was not granted, so a slip of this kind fails loudly.
 */
class ResponsePlanSubjectTagTest {
    private static final Decision SPAM = new Decision(1000, Classification.SPAM,
            List.of(new Finding("GTUBE", 1000, "GTUBE test string in body", Classification.SPAM)));
    private static final DeliveryPlan TAGGED = new DeliveryPlan(Verdict.CONTINUE, Map.of("bob@example.net", Action.TAG),
            Classification.SPAM, List.of(), List.of(), true, "[SPAM]");

    @Test
    void addsNoSubjectWhenTheMtaGrantedOnlyHeaderChanges() {
        List<Response> out = ResponsePlan.endOfMessage(TAGGED, granted(ActionFlag.SMFIF_CHGHDRS), headers());
        assertThat(out).noneMatch(r -> r instanceof Response.AddHeader);
        assertThat(out).containsExactly(new Response.Continue());
        ReplyDiscipline.check(io.moat.milter.protocol.CommandCode.SMFIC_BODYEOB, granted(ActionFlag.SMFIF_CHGHDRS), out);
    }

    @Test
    void stillChangesAnExistingSubjectWithHeaderChangesAlone() {
        List<Response> out = ResponsePlan.endOfMessage(TAGGED, granted(ActionFlag.SMFIF_CHGHDRS),
                headers(new HeaderField("Subject", "buy now")));
        assertThat(out).containsExactly(new Response.ChangeHeader(1, "Subject", " [SPAM] buy now"), new Response.Continue());
    }

    @Test
    void addsTheTaggedSubjectWhenHeaderAdditionsAreGranted() {
        List<Response> out = ResponsePlan.endOfMessage(TAGGED, granted(ActionFlag.SMFIF_ADDHDRS, ActionFlag.SMFIF_CHGHDRS), headers());
        assertThat(out).contains(new Response.AddHeader("Subject", " [SPAM]"));
        assertThat(out).last().isEqualTo(new Response.Continue());
    }

    private static EndOfMessageHeaders headers(HeaderField... received) {
        return new EndOfMessageHeaders(List.of(received), "X-Moat-Status", "deliver; class=spam", SPAM, 5.0);
    }

    private static Negotiated granted(ActionFlag... actions) {
        Set<ActionFlag> a = EnumSet.noneOf(ActionFlag.class);
        a.addAll(List.of(actions));
        return new Negotiated(6, a, Set.of(ProtocolFlag.SMFIP_HDR_LEADSPC),
                new Response.OptionsReply(6, ActionFlag.toMask(EnumSet.copyOf(a)), 0, Map.of()));
    }
}
