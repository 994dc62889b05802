// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a frame from the MTA into a {@link Command}; a pure function that never trusts the bytes. */
public final class CommandDecoder {
    private CommandDecoder() {
    }

    public static Command decode(Frame frame) throws ProtocolException {
        CommandCode code = CommandCode.of(frame.code());
        if (code == null) {
            throw new ProtocolException("unknown command byte 0x" + Integer.toHexString(frame.code() & 0xff));
        }
        Payload p = new Payload(frame.payload());
        return switch (code) {
            case SMFIC_OPTNEG -> optneg(p);
            case SMFIC_MACRO -> macro(p);
            case SMFIC_CONNECT -> connect(p);
            case SMFIC_HELO -> new Command.Helo(p.restAsString());
            case SMFIC_MAIL -> {
                List<String> args = nonEmptyArgs(p, "MAIL");
                yield new Command.Mail(args.get(0), args.subList(1, args.size()));
            }
            case SMFIC_RCPT -> {
                List<String> args = nonEmptyArgs(p, "RCPT");
                yield new Command.Rcpt(args.get(0), args.subList(1, args.size()));
            }
            case SMFIC_HEADER -> header(p);
            case SMFIC_DATA -> empty(p, new Command.Data());
            case SMFIC_EOH -> empty(p, new Command.EndOfHeaders());
            case SMFIC_BODY -> new Command.Body(p.rest());
            case SMFIC_BODYEOB -> new Command.EndOfMessage(p.rest());
            case SMFIC_ABORT -> empty(p, new Command.Abort());
            case SMFIC_UNKNOWN -> new Command.Unknown(p.restAsString());
            case SMFIC_QUIT -> empty(p, new Command.Quit());
            case SMFIC_QUIT_NC -> empty(p, new Command.QuitNewConnection());
        };
    }

    private static Command optneg(Payload p) throws ProtocolException {
        int version = p.uint32("OPTNEG version");
        int actions = p.uint32("OPTNEG actions");
        int protocol = p.uint32("OPTNEG protocol flags");
        // Newer MTAs may append data; libmilter ignores it, so do we.
        return new Command.OptNeg(version, actions, protocol);
    }

    private static Command macro(Payload p) throws ProtocolException {
        char stage = (char) p.u8("MACRO stage");
        Map<String, String> values = new LinkedHashMap<>();
        while (!p.atEnd()) {
            String name = p.cstring("macro name");
            String value = p.atEnd() ? "" : p.cstring("value of macro " + name);
            values.put(name, value);
        }
        return new Command.Macro(stage, values);
    }

    private static Command connect(Payload p) throws ProtocolException {
        String host = p.cstring("CONNECT hostname");
        Command.Family family = Command.Family.of(p.u8("CONNECT family"));
        if (family == Command.Family.SMFIA_UNKNOWN) {
            // Postfix sends nothing after the family byte, not even a NUL.
            return new Command.Connect(host, family, 0, "");
        }
        int port = p.uint16("CONNECT port");
        String address = p.cstring("CONNECT address");
        p.expectEnd("CONNECT");
        return new Command.Connect(host, family, port, address);
    }

    private static Command header(Payload p) throws ProtocolException {
        String name = p.cstring("HEADER name");
        String value = p.cstring("HEADER value");
        p.expectEnd("HEADER");
        if (name.isEmpty()) {
            throw new ProtocolException("HEADER with an empty name");
        }
        return new Command.Header(name, value);
    }

    private static List<String> nonEmptyArgs(Payload p, String what) throws ProtocolException {
        List<String> args = p.cstrings(what + " argument");
        if (args.isEmpty()) {
            throw new ProtocolException(what + " without an address");
        }
        return args;
    }

    private static Command empty(Payload p, Command c) throws ProtocolException {
        p.expectEnd(c.code().name());
        return c;
    }
}
