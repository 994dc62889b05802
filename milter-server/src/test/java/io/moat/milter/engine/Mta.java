// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Drives a {@link MilterSession} with the commands Postfix 3.7 sends, step by step. */
final class Mta {
    static final Command.OptNeg POSTFIX_OFFER = new Command.OptNeg(6, 0x1FF, 0x1FFFFF);

    private final MilterSession session;
    private final boolean leadingSpace;

    /** An MTA that sends header values verbatim, leading space included (HDR_LEADSPC). */
    Mta(MilterSession session) {
        this(session, true);
    }

    Mta(MilterSession session, boolean leadingSpace) {
        this.session = session;
        this.leadingSpace = leadingSpace;
    }

    List<Response> send(Command c) throws ProtocolException {
        return session.handle(c);
    }

    List<Response> macro(char stage, String... nameValue) throws ProtocolException {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put(nameValue[i], nameValue[i + 1]);
        }
        return send(new Command.Macro(stage, values));
    }

    /** OPTNEG, connect macros, CONNECT from 192.0.2.10, HELO. */
    void open() throws ProtocolException {
        send(POSTFIX_OFFER);
        macro('C', "j", "mx.example.net", "{client_addr}", "192.0.2.10");
        send(new Command.Connect("client.example.org", Command.Family.SMFIA_INET, 40000, "192.0.2.10"));
        macro('H');
        send(new Command.Helo("client.example.org"));
    }

    List<Response> mail(String sender, String... args) throws ProtocolException {
        macro('M', "{mail_addr}", sender);
        return send(new Command.Mail("<" + sender + ">", List.of(args)));
    }

    List<Response> rcpt(String recipient) throws ProtocolException {
        macro('R', "{rcpt_addr}", recipient);
        return send(new Command.Rcpt("<" + recipient + ">", List.of()));
    }

    List<Response> data(String queueId) throws ProtocolException {
        macro('T', "i", queueId);
        return send(new Command.Data());
    }

    List<Response> header(String name, String value) throws ProtocolException {
        return send(new Command.Header(name, value));
    }

    List<Response> eoh() throws ProtocolException {
        return send(new Command.EndOfHeaders());
    }

    List<Response> body(String text) throws ProtocolException {
        return send(new Command.Body(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    List<Response> eom(String queueId) throws ProtocolException {
        macro('E', "i", queueId);
        return send(new Command.EndOfMessage(new byte[0]));
    }

    List<Response> abort() throws ProtocolException {
        return send(new Command.Abort());
    }

    /** A whole message from MAIL to end of message, as Postfix sends it; the EOM replies. */
    List<Response> message(String queueId, String sender, String recipient, String subject, String body)
            throws ProtocolException {
        mail(sender);
        rcpt(recipient);
        data(queueId);
        String sp = leadingSpace ? " " : "";
        header("From", sp + sender);
        header("Subject", sp + subject);
        header("Message-ID", sp + "<" + queueId + "@example.org>");
        eoh();
        body(body);
        return eom(queueId);
    }
}
