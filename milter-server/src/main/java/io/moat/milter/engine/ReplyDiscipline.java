// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.protocol.ActionFlag;
import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.ProtocolFlag;
import io.moat.milter.protocol.Response;
import io.moat.milter.session.Negotiated;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Guarantees the milter rule Postfix cannot check for itself: exactly one terminal reply to each
 * command that expects one, modifications only before the final reply to end of message, only
 * the actions (and SKIP) the MTA granted in OPTNEG, and nothing at all for commands that expect
 * no reply. An extra reply desynchronises Postfix silently, so a violation is a bug and fails
 * loudly here instead.
 */
final class ReplyDiscipline {
    private ReplyDiscipline() {
    }

    static void check(CommandCode code, Negotiated negotiated, List<Response> replies) {
        if (!negotiated.expectsReply(code)) {
            if (!replies.isEmpty()) {
                throw new IllegalStateException(code + " expects no reply but got " + replies);
            }
            return;
        }
        for (Response r : replies) {
            ActionFlag needed = actionNeeded(r);
            if (needed != null && !negotiated.may(needed)) {
                throw new IllegalStateException(code + ": " + r + " needs " + needed + ", which the MTA did not grant");
            }
            if (r instanceof Response.Skip && !negotiated.has(ProtocolFlag.SMFIP_SKIP)) {
                throw new IllegalStateException(code + ": SKIP was not negotiated");
            }
        }
        if (replies.isEmpty() || !replies.get(replies.size() - 1).terminal()) {
            throw new IllegalStateException(code + " needs exactly one final reply, got " + replies);
        }
        for (int i = 0; i < replies.size() - 1; i++) {
            Response r = replies.get(i);
            if (r.terminal()) {
                throw new IllegalStateException(code + " got more than one final reply: " + replies);
            }
            if (code != CommandCode.SMFIC_BODYEOB) {
                throw new IllegalStateException(code + " may not carry modification " + r);
            }
        }
    }

    /** The OPTNEG action a reply depends on, or null when it needs none. */
    static @Nullable ActionFlag actionNeeded(Response r) {
        return switch (r) {
            case Response.AddHeader a -> ActionFlag.SMFIF_ADDHDRS;
            case Response.InsertHeader i -> ActionFlag.SMFIF_ADDHDRS;
            case Response.ChangeHeader c -> ActionFlag.SMFIF_CHGHDRS;
            case Response.ReplaceBody b -> ActionFlag.SMFIF_CHGBODY;
            case Response.AddRecipient a -> ActionFlag.SMFIF_ADDRCPT;
            case Response.AddRecipientPar a -> ActionFlag.SMFIF_ADDRCPT_PAR;
            case Response.DeleteRecipient d -> ActionFlag.SMFIF_DELRCPT;
            case Response.ChangeFrom c -> ActionFlag.SMFIF_CHGFROM;
            case Response.Quarantine q -> ActionFlag.SMFIF_QUARANTINE;
            case Response.OptionsReply o -> null;
            case Response.Accept a -> null;
            case Response.Continue c -> null;
            case Response.Discard d -> null;
            case Response.Reject j -> null;
            case Response.TempFail t -> null;
            case Response.Skip s -> null;
            case Response.Progress p -> null;
            case Response.Shutdown s -> null;
            case Response.ConnFail f -> null;
            case Response.ReplyCode y -> null;
        };
    }
}
