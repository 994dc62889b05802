// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import static io.moat.milter.session.SessionState.BODY;
import static io.moat.milter.session.SessionState.CLOSED;
import static io.moat.milter.session.SessionState.CONNECTED;
import static io.moat.milter.session.SessionState.DATA;
import static io.moat.milter.session.SessionState.EOH;
import static io.moat.milter.session.SessionState.HEADERS;
import static io.moat.milter.session.SessionState.HELO;
import static io.moat.milter.session.SessionState.MAIL;
import static io.moat.milter.session.SessionState.NEGOTIATED;
import static io.moat.milter.session.SessionState.NEW;
import static io.moat.milter.session.SessionState.RCPT;

import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.ProtocolException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * The legal order of milter commands, as a table. Steps the MTA was allowed to skip (NOHELO,
 * NORCPT, NODATA...) are legal to skip; anything else out of order is a protocol error.
 */
public final class SessionStateMachine {
    private static final EnumSet<SessionState> OPEN = EnumSet.range(NEGOTIATED, BODY);
    private static final EnumSet<SessionState> MESSAGE = EnumSet.range(MAIL, BODY);
    private static final Map<CommandCode, EnumSet<SessionState>> ALLOWED = new EnumMap<>(CommandCode.class);

    static {
        ALLOWED.put(CommandCode.SMFIC_OPTNEG, EnumSet.of(NEW));
        ALLOWED.put(CommandCode.SMFIC_CONNECT, EnumSet.of(NEGOTIATED));
        ALLOWED.put(CommandCode.SMFIC_HELO, EnumSet.of(NEGOTIATED, CONNECTED, HELO));
        ALLOWED.put(CommandCode.SMFIC_MAIL, EnumSet.of(NEGOTIATED, CONNECTED, HELO));
        ALLOWED.put(CommandCode.SMFIC_RCPT, EnumSet.of(MAIL, RCPT));
        ALLOWED.put(CommandCode.SMFIC_DATA, EnumSet.of(MAIL, RCPT));
        ALLOWED.put(CommandCode.SMFIC_HEADER, EnumSet.of(MAIL, RCPT, DATA, HEADERS));
        ALLOWED.put(CommandCode.SMFIC_EOH, EnumSet.of(MAIL, RCPT, DATA, HEADERS));
        ALLOWED.put(CommandCode.SMFIC_BODY, EnumSet.of(MAIL, RCPT, DATA, HEADERS, EOH, BODY));
        ALLOWED.put(CommandCode.SMFIC_BODYEOB, EnumSet.copyOf(MESSAGE));
        ALLOWED.put(CommandCode.SMFIC_UNKNOWN, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandCode.SMFIC_MACRO, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandCode.SMFIC_ABORT, EnumSet.copyOf(OPEN));
        ALLOWED.put(CommandCode.SMFIC_QUIT, EnumSet.range(NEW, BODY));
        ALLOWED.put(CommandCode.SMFIC_QUIT_NC, EnumSet.copyOf(OPEN));
    }

    private SessionState state = NEW;

    public SessionState state() {
        return state;
    }

    /** Checks that {@code code} may come now and moves to the state after it. */
    public SessionState advance(CommandCode code) throws ProtocolException {
        if (!ALLOWED.get(code).contains(state)) {
            throw new ProtocolException(code + " is out of order in state " + state);
        }
        state = next(code);
        return state;
    }

    private SessionState next(CommandCode code) {
        return switch (code) {
            case SMFIC_OPTNEG -> NEGOTIATED;
            case SMFIC_CONNECT -> CONNECTED;
            case SMFIC_HELO -> HELO;
            case SMFIC_MAIL -> MAIL;
            case SMFIC_RCPT -> RCPT;
            case SMFIC_DATA -> DATA;
            case SMFIC_HEADER -> HEADERS;
            case SMFIC_EOH -> EOH;
            case SMFIC_BODY -> BODY;
            case SMFIC_BODYEOB -> HELO;
            case SMFIC_ABORT -> MESSAGE.contains(state) ? HELO : state;
            case SMFIC_UNKNOWN, SMFIC_MACRO -> state;
            case SMFIC_QUIT -> CLOSED;
            case SMFIC_QUIT_NC -> NEGOTIATED;
        };
    }
}
