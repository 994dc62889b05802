// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.MacroStage;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import java.util.EnumSet;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OPTNEG: Postfix closes the connection when the reply asks for a higher version, or for actions
 * or flags it did not offer; so the reply never does.
 */
class NegotiatorTest {
    private static final int ALL_ACTIONS = 0x1FF;
    private static final int ALL_FLAGS = 0x1FFFFF;

    private static final EnumSet<ProtocolFlag> NO_REPLY_FLAGS = EnumSet.of(ProtocolFlag.SMFIP_NR_CONN,
            ProtocolFlag.SMFIP_NR_HELO, ProtocolFlag.SMFIP_NR_MAIL, ProtocolFlag.SMFIP_NR_RCPT, ProtocolFlag.SMFIP_NR_DATA,
            ProtocolFlag.SMFIP_NR_UNKN, ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_EOH, ProtocolFlag.SMFIP_NR_BODY);

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void everyVersionFromTwoToSixIsAnsweredWithItself(int version) throws Exception {
        Negotiated n = Negotiator.defaults().negotiate(new Command.OptNeg(version, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.version()).isEqualTo(version);
        assertThat(n.reply().version()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 0, -1})
    void versionsBelowTwoAreRefused(int version) {
        assertThatThrownBy(() -> Negotiator.defaults().negotiate(new Command.OptNeg(version, ALL_ACTIONS, ALL_FLAGS)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("version " + version);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 255})
    void newerVersionIsAnsweredWithSixNeverHigher(int version) throws Exception {
        Negotiated n = Negotiator.defaults().negotiate(new Command.OptNeg(version, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.reply().version()).isEqualTo(6);
    }

    @Property(tries = 1000)
    void replyNeverAsksForMoreThanTheMtaOffered(@ForAll int actions, @ForAll int flags) throws Exception {
        for (Negotiator negotiator : new Negotiator[] {Negotiator.defaults(), wantsEverything()}) {
            Negotiated n = negotiator.negotiate(new Command.OptNeg(6, actions, flags));

            assertThat(n.reply().actions() & ~actions).as("actions not offered").isZero();
            assertThat(n.reply().protocol() & ~flags).as("flags not offered").isZero();
            assertThat(ActionFlag.toMask(n.actions())).isEqualTo(n.reply().actions());
            assertThat(ProtocolFlag.toMask(n.flags())).isEqualTo(n.reply().protocol());
        }
    }

    @Test
    void defaultsAskForVerbatimHeadersAndSkipButNoNoReplySteps() throws Exception {
        Negotiated n = Negotiator.defaults().negotiate(new Command.OptNeg(6, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.flags()).containsExactlyInAnyOrder(ProtocolFlag.SMFIP_HDR_LEADSPC, ProtocolFlag.SMFIP_SKIP);
        assertThat(n.actions()).containsAll(EnumSet.of(ActionFlag.SMFIF_ADDHDRS, ActionFlag.SMFIF_QUARANTINE));
        for (CommandCode c : CommandCode.values()) {
            boolean silent = c == CommandCode.SMFIC_MACRO || c == CommandCode.SMFIC_ABORT
                    || c == CommandCode.SMFIC_QUIT || c == CommandCode.SMFIC_QUIT_NC;
            assertThat(n.expectsReply(c)).as(c.name()).isEqualTo(!silent);
        }
    }

    @Test
    void macroListsAreSentInVersionSixWhenTheMtaOffersSetsymlist() throws Exception {
        Negotiated n = Negotiator.defaults().negotiate(new Command.OptNeg(6, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.may(ActionFlag.SMFIF_SETSYMLIST)).isTrue();
        assertThat(n.reply().macroLists()).containsKeys(MacroStage.SMFIM_CONNECT, MacroStage.SMFIM_ENVFROM);
        assertThat(n.reply().macroLists().get(MacroStage.SMFIM_CONNECT)).contains("{client_addr}");
        assertThat(n.reply().macroLists().get(MacroStage.SMFIM_EOM)).contains("i");
    }

    @Test
    void noMacroListsWhenTheMtaDoesNotOfferSetsymlist() throws Exception {
        Negotiated n = Negotiator.defaults().negotiate(
                new Command.OptNeg(6, ALL_ACTIONS & ~ActionFlag.SMFIF_SETSYMLIST.bit(), ALL_FLAGS));

        assertThat(n.reply().macroLists()).isEmpty();
        assertThat(n.reply().actions() & ActionFlag.SMFIF_SETSYMLIST.bit()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void noMacroListsBeforeVersionSixEvenWhenOffered(int version) throws Exception {
        Negotiated n = Negotiator.defaults().negotiate(new Command.OptNeg(version, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.reply().macroLists()).isEmpty();
        assertThat(n.may(ActionFlag.SMFIF_SETSYMLIST)).isFalse();
    }

    @Test
    void noSetsymlistActionWhenThereAreNoListsToSend() throws Exception {
        Negotiator negotiator = new Negotiator(EnumSet.allOf(ActionFlag.class), EnumSet.noneOf(ProtocolFlag.class), Map.of());

        Negotiated n = negotiator.negotiate(new Command.OptNeg(6, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.may(ActionFlag.SMFIF_SETSYMLIST)).isFalse();
    }

    @Test
    void noReplyFlagsRequestedAndOfferedSilenceTheirSteps() throws Exception {
        Negotiator negotiator = new Negotiator(EnumSet.allOf(ActionFlag.class), NO_REPLY_FLAGS, Map.of());

        Negotiated n = negotiator.negotiate(new Command.OptNeg(6, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.flags()).containsExactlyInAnyOrderElementsOf(NO_REPLY_FLAGS);
        for (CommandCode c : CommandCode.values()) {
            boolean replies = c == CommandCode.SMFIC_OPTNEG || c == CommandCode.SMFIC_BODYEOB;
            assertThat(n.expectsReply(c)).as(c.name()).isEqualTo(replies);
        }
    }

    @Test
    void noReplyFlagsTheMtaDidNotOfferAreNotTaken() throws Exception {
        Negotiator negotiator = new Negotiator(EnumSet.allOf(ActionFlag.class), NO_REPLY_FLAGS, Map.of());
        int offered = ProtocolFlag.SMFIP_NR_HDR.bit() | ProtocolFlag.SMFIP_SKIP.bit();

        Negotiated n = negotiator.negotiate(new Command.OptNeg(6, ALL_ACTIONS, offered));

        assertThat(n.flags()).containsExactly(ProtocolFlag.SMFIP_NR_HDR);
        assertThat(n.expectsReply(CommandCode.SMFIC_HEADER)).isFalse();
        assertThat(n.expectsReply(CommandCode.SMFIC_RCPT)).isTrue();
    }

    @Test
    void beforeNegotiationEveryCommandButTheSilentOnesExpectsAReply() {
        Negotiated none = Negotiated.none();

        assertThat(none.expectsReply(CommandCode.SMFIC_HEADER)).isTrue();
        assertThat(none.expectsReply(CommandCode.SMFIC_MACRO)).isFalse();
        assertThat(none.may(ActionFlag.SMFIF_ADDHDRS)).isFalse();
    }

    private static Negotiator wantsEverything() {
        return new Negotiator(EnumSet.allOf(ActionFlag.class), EnumSet.allOf(ProtocolFlag.class),
                Map.of(MacroStage.SMFIM_CONNECT, "j"));
    }

    @Test
    void noReplyLeavesMailRcptAndEndOfMessageAnswered() throws Exception {
        Negotiated n = Negotiator.defaults().withNoReply(false, false).negotiate(new Command.OptNeg(6, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.flags()).contains(ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_DATA, ProtocolFlag.SMFIP_NR_EOH,
                ProtocolFlag.SMFIP_NR_BODY, ProtocolFlag.SMFIP_NR_UNKN, ProtocolFlag.SMFIP_NR_CONN, ProtocolFlag.SMFIP_NR_HELO);
        assertThat(n.flags()).doesNotContain(ProtocolFlag.SMFIP_NR_MAIL, ProtocolFlag.SMFIP_NR_RCPT);
        assertThat(n.expectsReply(CommandCode.SMFIC_MAIL)).isTrue();
        assertThat(n.expectsReply(CommandCode.SMFIC_RCPT)).isTrue();
        assertThat(n.expectsReply(CommandCode.SMFIC_BODYEOB)).isTrue();
        assertThat(n.expectsReply(CommandCode.SMFIC_HEADER)).isFalse();
    }

    @Test
    void noReplyKeepsConnectAndHeloAnsweredWhenFiltersRunThere() throws Exception {
        Negotiated n = Negotiator.defaults().withNoReply(true, true).negotiate(new Command.OptNeg(6, ALL_ACTIONS, ALL_FLAGS));

        assertThat(n.expectsReply(CommandCode.SMFIC_CONNECT)).isTrue();
        assertThat(n.expectsReply(CommandCode.SMFIC_HELO)).isTrue();
        assertThat(n.expectsReply(CommandCode.SMFIC_EOH)).isFalse();
    }

    @Test
    void noReplyIsOnlyWhatTheMtaOffers() throws Exception {
        int offer = ALL_FLAGS & ~ProtocolFlag.SMFIP_NR_BODY.bit();
        Negotiated n = Negotiator.defaults().withNoReply(false, false).negotiate(new Command.OptNeg(6, ALL_ACTIONS, offer));

        assertThat(n.expectsReply(CommandCode.SMFIC_BODY)).isTrue();
        assertThat(Negotiator.defaults().asksNoReply()).isFalse();
        assertThat(Negotiator.defaults().withNoReply(true, true).asksNoReply()).isTrue();
    }
}
