// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.MacroStage;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.ProtocolFlag;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SMTP session as Postfix 3.7.11 reports it to a milter (MILTER-NOTES.md, "What Postfix 3.7.11
 * actually sent"): CONNECT (family '4') and HELO once, then per message MAIL, RCPT, DATA, each
 * HEADER, EOH, BODY chunks, EOM and an ABORT, and at the end ABORT again and QUIT. The queue id
 * {@code i} is unknown at MAIL and RCPT, as with Postfix's smtpd_delay_open_until_valid_rcpt.
 * Packets are encoded once per session or message and copied to the wire as bytes.
 */
public final class PostfixConversation {
    private static final byte[] DATA = Wire.of(new Command.Data());
    private static final byte[] END_OF_HEADERS = Wire.of(new Command.EndOfHeaders());
    private static final byte[] END_OF_MESSAGE = Wire.of(new Command.EndOfMessage(new byte[0]));

    private final MilterClient client;
    private final Map<String, String> session = new HashMap<>();
    private final Command.Connect connect;
    private final String heloName;

    /** A session from {@code 192.0.2.x} (TEST-NET-1), distinct per connection number. */
    public PostfixConversation(MilterClient client, int connectionNumber) {
        this.client = client;
        String address = "192.0.2." + (1 + Math.floorMod(connectionNumber, 254));
        int port = 40_000 + Math.floorMod(connectionNumber, 20_000);
        this.heloName = "client" + Math.floorMod(connectionNumber, 254) + ".example";
        this.connect = new Command.Connect(heloName, Command.Family.SMFIA_INET, port, address);
        session.put("j", "mx.moat.test");
        session.put("{daemon_name}", "mx.moat.test");
        session.put("{daemon_addr}", "127.0.0.1");
        session.put("v", "Postfix 3.7.11");
        session.put("_", heloName + " [" + address + "]");
        session.put("{client_addr}", address);
        session.put("{client_name}", heloName);
        session.put("{client_ptr}", heloName);
        session.put("{client_port}", Integer.toString(port));
    }

    /** CONNECT and HELO; the terminal reply byte, {@code 'c'} when the session may go on. */
    public char begin() throws IOException, ProtocolException {
        char r = client.step(macros('C', MacroStage.SMFIM_CONNECT, session), Wire.of(connect),
                ProtocolFlag.SMFIP_NOCONNECT, ProtocolFlag.SMFIP_NR_CONN);
        if (r != 'c') {
            return r;
        }
        return client.step(macros('H', MacroStage.SMFIM_HELO, session), Wire.of(new Command.Helo(heloName)),
                ProtocolFlag.SMFIP_NOHELO, ProtocolFlag.SMFIP_NR_HELO);
    }

    /**
     * Plays one message and buffers the ABORT Postfix sends after every message (it leaves with the
     * next packet that waits for a reply, or at close). Returns the reply that ended the message:
     * the EOM reply, or an earlier reply other than CONTINUE.
     */
    public char message(PreparedMessage m, String queueId, String sender, String recipient)
            throws IOException, ProtocolException {
        Map<String, String> known = new HashMap<>(session);
        char r = envelope(m, known, queueId, sender, recipient);
        if (r == 'c') {
            r = content(m, known);
        }
        client.send(Wire.ABORT);
        return r;
    }

    private char envelope(PreparedMessage m, Map<String, String> known, String queueId, String sender,
                          String recipient) throws IOException, ProtocolException {
        known.put("{mail_addr}", sender);
        known.put("{mail_host}", sender.substring(sender.indexOf('@') + 1));
        known.put("{mail_mailer}", "smtp");
        char r = client.step(macros('M', MacroStage.SMFIM_ENVFROM, known),
                Wire.of(new Command.Mail("<" + sender + ">", List.of("SIZE=" + m.message().size()))),
                ProtocolFlag.SMFIP_NOMAIL, ProtocolFlag.SMFIP_NR_MAIL);
        if (r != 'c') {
            return r;
        }
        known.put("{rcpt_addr}", recipient);
        known.put("{rcpt_host}", "[127.0.0.1]:25");
        known.put("{rcpt_mailer}", "relay");
        r = client.step(macros('R', MacroStage.SMFIM_ENVRCPT, known),
                Wire.of(new Command.Rcpt("<" + recipient + ">", List.of())),
                ProtocolFlag.SMFIP_NORCPT, ProtocolFlag.SMFIP_NR_RCPT);
        if (r != 'c') {
            return r;
        }
        known.put("i", queueId);
        return client.step(macros('T', MacroStage.SMFIM_DATA, known), DATA,
                ProtocolFlag.SMFIP_NODATA, ProtocolFlag.SMFIP_NR_DATA);
    }

    private char content(PreparedMessage m, Map<String, String> known) throws IOException, ProtocolException {
        // The values do not change within the content, so each stage's MACRO packet is encoded once.
        byte[] headerMacros = macros('L', MacroStage.SMFIM_EOH, known);
        for (byte[] header : m.headers(client.leadingSpace())) {
            char r = client.step(headerMacros, header, ProtocolFlag.SMFIP_NOHDRS, ProtocolFlag.SMFIP_NR_HDR);
            if (r != 'c') {
                return r;
            }
        }
        char r = client.step(macros('N', MacroStage.SMFIM_EOH, known), END_OF_HEADERS,
                ProtocolFlag.SMFIP_NOEOH, ProtocolFlag.SMFIP_NR_EOH);
        if (r != 'c') {
            return r;
        }
        byte[] bodyMacros = macros('B', MacroStage.SMFIM_EOM, known);
        for (byte[] chunk : m.bodyChunks()) {
            r = client.step(bodyMacros, chunk, ProtocolFlag.SMFIP_NOBODY, ProtocolFlag.SMFIP_NR_BODY);
            if (r == 's') {
                break;
            }
            if (r != 'c') {
                return r;
            }
        }
        return client.step(macros('E', MacroStage.SMFIM_EOM, known), END_OF_MESSAGE, null, null);
    }

    /** The MACRO packet Postfix sends before {@code command}: the stage's names that have a value. */
    private byte[] macros(char command, MacroStage stage, Map<String, String> known) {
        return Wire.of(new Command.Macro(command, client.macros().select(stage, known)));
    }

    /** ABORT again, then QUIT, as Postfix ends the milter session; both leave when the connection closes. */
    public void end() throws IOException {
        client.send(Wire.ABORT);
        client.send(Wire.QUIT);
    }
}
