// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import java.util.Set;

/** The outcome of OPTNEG: what this connection may do and which commands expect a reply. */
public record Negotiated(int version, Set<ActionFlag> actions, Set<ProtocolFlag> flags, Response.OptionsReply reply) {
    public Negotiated {
        actions = Set.copyOf(actions);
        flags = Set.copyOf(flags);
    }

    /** Before OPTNEG: nothing allowed, every reply expected. */
    public static Negotiated none() {
        return new Negotiated(0, Set.of(), Set.of(), new Response.OptionsReply(0, 0, 0, java.util.Map.of()));
    }

    public boolean may(ActionFlag action) {
        return actions.contains(action);
    }

    public boolean has(ProtocolFlag flag) {
        return flags.contains(flag);
    }

    /** Whether the MTA waits for a reply to this command, given the NR_* flags agreed. */
    public boolean expectsReply(CommandCode code) {
        return switch (code) {
            case SMFIC_OPTNEG, SMFIC_BODYEOB -> true;
            case SMFIC_MACRO, SMFIC_ABORT, SMFIC_QUIT, SMFIC_QUIT_NC -> false;
            case SMFIC_CONNECT -> !has(ProtocolFlag.SMFIP_NR_CONN);
            case SMFIC_HELO -> !has(ProtocolFlag.SMFIP_NR_HELO);
            case SMFIC_MAIL -> !has(ProtocolFlag.SMFIP_NR_MAIL);
            case SMFIC_RCPT -> !has(ProtocolFlag.SMFIP_NR_RCPT);
            case SMFIC_DATA -> !has(ProtocolFlag.SMFIP_NR_DATA);
            case SMFIC_HEADER -> !has(ProtocolFlag.SMFIP_NR_HDR);
            case SMFIC_EOH -> !has(ProtocolFlag.SMFIP_NR_EOH);
            case SMFIC_BODY -> !has(ProtocolFlag.SMFIP_NR_BODY);
            case SMFIC_UNKNOWN -> !has(ProtocolFlag.SMFIP_NR_UNKN);
        };
    }
}
