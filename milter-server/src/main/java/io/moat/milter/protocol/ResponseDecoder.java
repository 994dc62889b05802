// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns a frame from a milter into a {@link Response}: the MTA's side, for the test client. */
public final class ResponseDecoder {
    private ResponseDecoder() {
    }

    public static Response decode(Frame frame) throws ProtocolException {
        ResponseCode code = ResponseCode.of(frame.code());
        if (code == null) {
            throw new ProtocolException("unknown reply byte 0x" + Integer.toHexString(frame.code() & 0xff));
        }
        Payload p = new Payload(frame.payload());
        try {
            return switch (code) {
                case SMFIC_OPTNEG -> options(p);
                case SMFIR_REPLYCODE -> new Response.ReplyCode(p.cstring("REPLYCODE text"));
                case SMFIR_ADDHEADER -> new Response.AddHeader(p.cstring("header name"), p.cstring("header value"));
                case SMFIR_INSHEADER -> new Response.InsertHeader(p.uint32("index"), p.cstring("header name"), p.cstring("header value"));
                case SMFIR_CHGHEADER -> new Response.ChangeHeader(p.uint32("index"), p.cstring("header name"), p.cstring("header value"));
                case SMFIR_REPLBODY -> new Response.ReplaceBody(p.rest());
                case SMFIR_ADDRCPT -> new Response.AddRecipient(p.cstring("recipient"));
                case SMFIR_ADDRCPT_PAR -> new Response.AddRecipientPar(p.cstring("recipient"), args(p));
                case SMFIR_DELRCPT -> new Response.DeleteRecipient(p.cstring("recipient"));
                case SMFIR_CHGFROM -> new Response.ChangeFrom(p.cstring("sender"), args(p));
                case SMFIR_QUARANTINE -> new Response.Quarantine(p.cstring("reason"));
                case SMFIR_ACCEPT -> new Response.Accept();
                case SMFIR_CONTINUE -> new Response.Continue();
                case SMFIR_DISCARD -> new Response.Discard();
                case SMFIR_REJECT -> new Response.Reject();
                case SMFIR_TEMPFAIL -> new Response.TempFail();
                case SMFIR_SKIP -> new Response.Skip();
                case SMFIR_PROGRESS -> new Response.Progress();
                case SMFIR_SHUTDOWN -> new Response.Shutdown();
                case SMFIR_CONN_FAIL -> new Response.ConnFail();
            };
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(code + ": " + e.getMessage());
        }
    }

    private static List<String> args(Payload p) throws ProtocolException {
        if (p.atEnd()) {
            return List.of();
        }
        String joined = p.cstring("ESMTP arguments");
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" "));
    }

    private static Response options(Payload p) throws ProtocolException {
        int version = p.uint32("OPTNEG version");
        int actions = p.uint32("OPTNEG actions");
        int protocol = p.uint32("OPTNEG protocol");
        Map<MacroStage, String> lists = new EnumMap<>(MacroStage.class);
        while (!p.atEnd()) {
            int stage = p.uint32("macro list stage");
            if (stage < 0 || stage >= MacroStage.values().length) {
                throw new ProtocolException("unknown macro stage " + stage);
            }
            lists.put(MacroStage.values()[stage], p.cstring("macro list"));
        }
        return new Response.OptionsReply(version, actions, protocol, lists);
    }
}
