// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the MTA sends: one record per {@code SMFIC_*} command. Strings hold the wire bytes as
 * ISO-8859-1 characters, so 8-bit header bytes survive a decode/encode round trip unchanged.
 */
public sealed interface Command {

    /** The wire code of this command. */
    CommandCode code();

    /** {@code SMFIC_OPTNEG}: the MTA's protocol version, offered actions and protocol flags. */
    record OptNeg(int version, int actions, int protocol) implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_OPTNEG;
        }
    }

    /** {@code SMFIC_MACRO}: macro values for the command whose code is {@code stage}. */
    record Macro(char stage, Map<String, String> values) implements Command {
        public Macro {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_MACRO;
        }
    }

    /** The address family of a CONNECT ({@code SMFIA_*}). */
    enum Family {
        SMFIA_UNKNOWN('U'),
        SMFIA_UNIX('L'),
        SMFIA_INET('4'),
        SMFIA_INET6('6');

        private final char wire;

        Family(char wire) {
            this.wire = wire;
        }

        public char wire() {
            return wire;
        }

        public static Family of(int b) throws ProtocolException {
            for (Family f : values()) {
                if (f.wire == b) {
                    return f;
                }
            }
            throw new ProtocolException("unknown address family byte 0x" + Integer.toHexString(b & 0xff));
        }
    }

    /**
     * {@code SMFIC_CONNECT}. For {@link Family#SMFIA_UNKNOWN} the port is 0 and the address empty;
     * for {@link Family#SMFIA_UNIX} the address is the socket path. The address is kept as text:
     * Postfix may send "unknown" in an INET connect.
     */
    record Connect(String hostname, Family family, int port, String address) implements Command {
        public Connect {
            Objects.requireNonNull(hostname);
            Objects.requireNonNull(address);
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_CONNECT;
        }
    }

    /** {@code SMFIC_HELO}: the name the client gave in HELO or EHLO. */
    record Helo(String name) implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_HELO;
        }
    }

    /** {@code SMFIC_MAIL}: the reverse path as sent (with angle brackets) and ESMTP arguments. */
    record Mail(String sender, List<String> esmtpArgs) implements Command {
        public Mail {
            esmtpArgs = List.copyOf(esmtpArgs);
        }

        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_MAIL;
        }
    }

    /** {@code SMFIC_RCPT}: the forward path as sent and ESMTP arguments. */
    record Rcpt(String recipient, List<String> esmtpArgs) implements Command {
        public Rcpt {
            esmtpArgs = List.copyOf(esmtpArgs);
        }

        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_RCPT;
        }
    }

    /** {@code SMFIC_DATA}. */
    record Data() implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_DATA;
        }
    }

    /** {@code SMFIC_HEADER}: one header field, value as sent (see SMFIP_HDR_LEADSPC). */
    record Header(String name, String value) implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_HEADER;
        }
    }

    /** {@code SMFIC_EOH}. */
    record EndOfHeaders() implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_EOH;
        }
    }

    /** {@code SMFIC_BODY}: one chunk of the body, CRLF line ends, at most 65535 bytes from Postfix. */
    record Body(byte[] chunk) implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_BODY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && Arrays.equals(b.chunk, chunk);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(chunk);
        }

        @Override
        public String toString() {
            return "Body[" + chunk.length + " bytes]";
        }
    }

    /** {@code SMFIC_BODYEOB}: end of message; sendmail may carry a last body chunk, Postfix never does. */
    record EndOfMessage(byte[] chunk) implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_BODYEOB;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EndOfMessage e && Arrays.equals(e.chunk, chunk);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(chunk);
        }

        @Override
        public String toString() {
            return "EndOfMessage[" + chunk.length + " bytes]";
        }
    }

    /** {@code SMFIC_ABORT}: forget the current message, keep the connection. No reply. */
    record Abort() implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_ABORT;
        }
    }

    /** {@code SMFIC_UNKNOWN}: an SMTP command the MTA did not recognise, as sent. */
    record Unknown(String line) implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_UNKNOWN;
        }
    }

    /** {@code SMFIC_QUIT}: the session is over. No reply. */
    record Quit() implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_QUIT;
        }
    }

    /** {@code SMFIC_QUIT_NC}: this SMTP session is over, a new one follows on the same socket. */
    record QuitNewConnection() implements Command {
        @Override
        public CommandCode code() {
            return CommandCode.SMFIC_QUIT_NC;
        }
    }
}
