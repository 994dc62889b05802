// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.record.MessageRecord;
import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One message, recipients with different policies (beyond {@link PerRecipientPolicyTest}): each
 * group of recipients is logged on its own line, and without DELRCPT the split is not possible.
 */
class RecipientPoliciesTest {
    @TempDir
    Path spool;

    private static RecipientPolicy spam(Action a) {
        return new RecipientPolicy(5.0, OptionalDouble.empty(), OptionalDouble.empty(),
                new ActionPolicy(Map.of(Classification.SPAM, a)), "");
    }

    private static final PolicySource BY_NAME = r -> switch (r.isEmpty() ? "" : r.substring(0, r.indexOf('@'))) {
        case "keeps" -> spam(Action.DELIVER);
        case "tags" -> spam(Action.TAG);
        case "holds" -> spam(Action.QUARANTINE);
        case "refuses" -> spam(Action.REJECT);
        case "drops" -> spam(Action.DROP);
        default -> spam(Action.REJECT);
    };

    private List<Response> spamTo(EngineFixture f, String... recipients) throws Exception {
        Mta mta = new Mta(f.session());
        mta.open();
        mta.mail("s@example.org");
        for (String r : recipients) {
            mta.rcpt(r);
        }
        mta.data("4MIX");
        mta.header("Subject", " offer");
        mta.eoh();
        mta.body(MilterSessionTest.GTUBE + "\r\n");
        return mta.eom("4MIX");
    }

    @Test
    void recipientsWhoDoNotWantTheMessageAreRemovedAndHeldWhileTheOthersGetIt() throws Exception {
        EngineFixture f = new EngineFixture(spool).policies(BY_NAME);

        List<Response> eom = spamTo(f, "keeps@example.net", "holds@example.net", "drops@example.net");

        assertThat(eom).contains(new Response.DeleteRecipient("<holds@example.net>"),
                new Response.DeleteRecipient("<drops@example.net>"));
        assertThat(eom).doesNotContain(new Response.DeleteRecipient("<keeps@example.net>"));
        assertThat(eom).last().isEqualTo(new Response.Continue());
        assertThat(f.held).singleElement().extracting(HeldMessage::recipients).asList()
                .containsExactly("holds@example.net");
        assertThat(f.records).extracting(MessageRecord::action, MessageRecord::recipients).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("deliver", List.of("keeps@example.net")),
                org.assertj.core.groups.Tuple.tuple("quarantine", List.of("holds@example.net")),
                org.assertj.core.groups.Tuple.tuple("drop", List.of("drops@example.net")));
    }

    @Test
    void differingPoliciesWithoutDelrcptAreTempfailedNotDecidedForEveryone() throws Exception {
        EngineFixture f = new EngineFixture(spool).policies(BY_NAME);
        Mta mta = new Mta(f.session());
        mta.send(new Command.OptNeg(6, 0x1FF & ~ActionFlag.SMFIF_DELRCPT.bit(), 0x1FFFFF));
        mta.mail("s@example.org");
        mta.rcpt("keeps@example.net");
        mta.rcpt("holds@example.net");
        mta.eoh();
        mta.body(MilterSessionTest.GTUBE);

        assertThat(mta.eom("Q")).singleElement().isInstanceOfSatisfying(Response.ReplyCode.class,
                r -> assertThat(r.reply()).startsWith("451 4.7.1"));
        assertThat(f.held).isEmpty();
    }
}
