// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.Negotiated;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replies Moat may send depend on what the MTA granted in OPTNEG. */
class ReplyDisciplineTest {
    private static final Negotiated HEADERS_ONLY = negotiated(EnumSet.of(ActionFlag.SMFIF_ADDHDRS), Set.of());

    @Test
    void acceptsModificationsTheMtaGranted() {
        assertThatCode(() -> ReplyDiscipline.check(CommandCode.SMFIC_BODYEOB, HEADERS_ONLY,
                List.of(new Response.AddHeader("X-Moat-Status", "deliver"), new Response.Continue())))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAModificationTheMtaDidNotGrant() {
        assertThatThrownBy(() -> ReplyDiscipline.check(CommandCode.SMFIC_BODYEOB, HEADERS_ONLY,
                List.of(new Response.DeleteRecipient("<bob@example.net>"), new Response.Continue())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMFIF_DELRCPT");
        assertThatThrownBy(() -> ReplyDiscipline.check(CommandCode.SMFIC_BODYEOB, HEADERS_ONLY,
                List.of(new Response.ChangeHeader(1, "Subject", "x"), new Response.Continue())))
                .hasMessageContaining("SMFIF_CHGHDRS");
    }

    @Test
    void refusesSkipUnlessNegotiated() {
        assertThatThrownBy(() -> ReplyDiscipline.check(CommandCode.SMFIC_BODY, HEADERS_ONLY, List.of(new Response.Skip())))
                .hasMessageContaining("SKIP");
        Negotiated withSkip = negotiated(EnumSet.of(ActionFlag.SMFIF_ADDHDRS), Set.of(ProtocolFlag.SMFIP_SKIP));
        assertThatCode(() -> ReplyDiscipline.check(CommandCode.SMFIC_BODY, withSkip, List.of(new Response.Skip())))
                .doesNotThrowAnyException();
    }

    private static Negotiated negotiated(EnumSet<ActionFlag> actions, Set<ProtocolFlag> flags) {
        return new Negotiated(6, actions, flags, new Response.OptionsReply(6, ActionFlag.toMask(actions), 0, Map.of()));
    }
}
