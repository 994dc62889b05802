// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/** Lays out a {@link Response} as a frame. */
public final class ResponseEncoder {
    private ResponseEncoder() {
    }

    public static Frame encode(Response response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        switch (response) {
            case Response.OptionsReply o -> {
                Payload.putUint32(out, o.version());
                Payload.putUint32(out, o.actions());
                Payload.putUint32(out, o.protocol());
                for (Map.Entry<MacroStage, String> e : o.macroLists().entrySet()) {
                    Payload.putUint32(out, e.getKey().wire());
                    Payload.putCString(out, e.getValue());
                }
            }
            case Response.ReplyCode r -> Payload.putCString(out, r.reply());
            case Response.AddHeader h -> {
                Payload.putCString(out, h.name());
                Payload.putCString(out, h.value());
            }
            case Response.InsertHeader h -> {
                Payload.putUint32(out, h.index());
                Payload.putCString(out, h.name());
                Payload.putCString(out, h.value());
            }
            case Response.ChangeHeader h -> {
                Payload.putUint32(out, h.index());
                Payload.putCString(out, h.name());
                Payload.putCString(out, h.value());
            }
            case Response.ReplaceBody b -> out.writeBytes(b.chunk());
            case Response.AddRecipient r -> Payload.putCString(out, r.recipient());
            case Response.AddRecipientPar r -> {
                Payload.putCString(out, r.recipient());
                Payload.putCString(out, String.join(" ", r.esmtpArgs()));
            }
            case Response.DeleteRecipient r -> Payload.putCString(out, r.recipient());
            case Response.ChangeFrom c -> {
                Payload.putCString(out, c.sender());
                if (!c.esmtpArgs().isEmpty()) {
                    Payload.putCString(out, String.join(" ", c.esmtpArgs()));
                }
            }
            case Response.Quarantine q -> Payload.putCString(out, q.reason());
            case Response.Accept a -> { }
            case Response.Continue c -> { }
            case Response.Discard d -> { }
            case Response.Reject r -> { }
            case Response.TempFail t -> { }
            case Response.Skip s -> { }
            case Response.Progress p -> { }
            case Response.Shutdown s -> { }
            case Response.ConnFail c -> { }
        }
        return new Frame((byte) response.code().wire(), out.toByteArray());
    }
}
