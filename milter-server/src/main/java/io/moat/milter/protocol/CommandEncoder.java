// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/** Lays out a {@link Command} as the MTA would: used by the test client and the load generator. */
public final class CommandEncoder {
    private CommandEncoder() {
    }

    public static Frame encode(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        switch (command) {
            case Command.OptNeg o -> {
                Payload.putUint32(out, o.version());
                Payload.putUint32(out, o.actions());
                Payload.putUint32(out, o.protocol());
            }
            case Command.Macro m -> {
                out.write(m.stage());
                for (Map.Entry<String, String> e : m.values().entrySet()) {
                    Payload.putCString(out, e.getKey());
                    Payload.putCString(out, e.getValue());
                }
            }
            case Command.Connect c -> {
                Payload.putCString(out, c.hostname());
                out.write(c.family().wire());
                if (c.family() != Command.Family.SMFIA_UNKNOWN) {
                    Payload.putUint16(out, c.port());
                    Payload.putCString(out, c.address());
                }
            }
            case Command.Helo h -> Payload.putCString(out, h.name());
            case Command.Mail m -> {
                Payload.putCString(out, m.sender());
                m.esmtpArgs().forEach(a -> Payload.putCString(out, a));
            }
            case Command.Rcpt r -> {
                Payload.putCString(out, r.recipient());
                r.esmtpArgs().forEach(a -> Payload.putCString(out, a));
            }
            case Command.Header h -> {
                Payload.putCString(out, h.name());
                Payload.putCString(out, h.value());
            }
            case Command.Body b -> out.writeBytes(b.chunk());
            case Command.EndOfMessage e -> out.writeBytes(e.chunk());
            case Command.Unknown u -> Payload.putCString(out, u.line());
            case Command.Data d -> { }
            case Command.EndOfHeaders e -> { }
            case Command.Abort a -> { }
            case Command.Quit q -> { }
            case Command.QuitNewConnection q -> { }
        }
        return new Frame((byte) command.code().wire(), out.toByteArray());
    }
}
