// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.MacroStage;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Answers OPTNEG: the highest version both sides speak (2 to 6), the actions Moat may use that
 * the MTA offers, the protocol flags Moat wants that the MTA offers, and, where the MTA allows
 * SETSYMLIST, the macros Moat needs at each stage.
 */
public final class Negotiator {
    public static final int MIN_VERSION = 2;
    public static final int MAX_VERSION = 6;

    private static final Set<ProtocolFlag> NO_REPLY_STEPS = EnumSet.of(ProtocolFlag.SMFIP_NR_CONN,
            ProtocolFlag.SMFIP_NR_HELO, ProtocolFlag.SMFIP_NR_MAIL, ProtocolFlag.SMFIP_NR_RCPT, ProtocolFlag.SMFIP_NR_DATA,
            ProtocolFlag.SMFIP_NR_UNKN, ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_EOH, ProtocolFlag.SMFIP_NR_BODY);

    private final Set<ActionFlag> wantedActions;
    private final Set<ProtocolFlag> wantedFlags;
    private final Map<MacroStage, String> macroLists;

    public Negotiator(Set<ActionFlag> wantedActions, Set<ProtocolFlag> wantedFlags, Map<MacroStage, String> macroLists) {
        this.wantedActions = EnumSet.copyOf(wantedActions);
        this.wantedFlags = wantedFlags.isEmpty() ? EnumSet.noneOf(ProtocolFlag.class) : EnumSet.copyOf(wantedFlags);
        this.macroLists = Map.copyOf(macroLists);
    }

    /** What Moat asks for by default: every action, header values verbatim, SKIP; no NR_* steps. */
    public static Negotiator defaults() {
        return new Negotiator(
                EnumSet.allOf(ActionFlag.class),
                EnumSet.of(ProtocolFlag.SMFIP_HDR_LEADSPC, ProtocolFlag.SMFIP_SKIP),
                Map.of(
                        MacroStage.SMFIM_CONNECT, "j {daemon_name} {client_addr} {client_name} {client_port} _",
                        MacroStage.SMFIM_HELO, "{tls_version} {cipher}",
                        MacroStage.SMFIM_ENVFROM, "i {auth_type} {auth_authen} {mail_addr}",
                        MacroStage.SMFIM_ENVRCPT, "i {rcpt_addr}",
                        MacroStage.SMFIM_DATA, "i",
                        MacroStage.SMFIM_EOH, "i",
                        MacroStage.SMFIM_EOM, "i"));
    }

    /**
     * The same, also asking the MTA not to wait for a reply to each header, to DATA, to the end of
     * headers, to body chunks and to unknown commands, and to CONNECT and HELO when
     * {@code replyAtConnect} / {@code replyAtHelo} are false (no filter runs there). A verdict
     * reached at such a step waits for the next step that is answered (RCPT or end of message at
     * the latest), so nothing is lost; MAIL, RCPT and end of message are always answered.
     */
    public Negotiator withNoReply(boolean replyAtConnect, boolean replyAtHelo) {
        EnumSet<ProtocolFlag> flags = wantedFlags.isEmpty() ? EnumSet.noneOf(ProtocolFlag.class) : EnumSet.copyOf(wantedFlags);
        flags.addAll(EnumSet.of(ProtocolFlag.SMFIP_NR_HDR, ProtocolFlag.SMFIP_NR_DATA, ProtocolFlag.SMFIP_NR_EOH,
                ProtocolFlag.SMFIP_NR_BODY, ProtocolFlag.SMFIP_NR_UNKN));
        if (!replyAtConnect) {
            flags.add(ProtocolFlag.SMFIP_NR_CONN);
        }
        if (!replyAtHelo) {
            flags.add(ProtocolFlag.SMFIP_NR_HELO);
        }
        return new Negotiator(wantedActions, flags, macroLists);
    }

    /** Whether this negotiator asks for any step without reply. */
    public boolean asksNoReply() {
        return !Collections.disjoint(wantedFlags, NO_REPLY_STEPS);
    }

    public Negotiated negotiate(Command.OptNeg offer) throws ProtocolException {
        if (offer.version() < MIN_VERSION) {
            throw new ProtocolException("MTA speaks milter protocol version " + offer.version()
                    + "; Moat needs " + MIN_VERSION + " or newer");
        }
        int version = Math.min(offer.version(), MAX_VERSION);
        EnumSet<ActionFlag> actions = ActionFlag.fromMask(offer.actions());
        actions.retainAll(wantedActions);
        EnumSet<ProtocolFlag> flags = ProtocolFlag.fromMask(offer.protocol());
        flags.retainAll(wantedFlags);
        boolean symlists = version >= 6 && actions.contains(ActionFlag.SMFIF_SETSYMLIST) && !macroLists.isEmpty();
        if (!symlists) {
            actions.remove(ActionFlag.SMFIF_SETSYMLIST);
        }
        Response.OptionsReply reply = new Response.OptionsReply(
                version, ActionFlag.toMask(actions), ProtocolFlag.toMask(flags), symlists ? macroLists : Map.of());
        return new Negotiated(version, actions, flags, reply);
    }
}
