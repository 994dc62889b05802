// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import static io.moat.milter.protocol.CommandCode.SMFIC_ABORT;
import static io.moat.milter.protocol.CommandCode.SMFIC_BODY;
import static io.moat.milter.protocol.CommandCode.SMFIC_BODYEOB;
import static io.moat.milter.protocol.CommandCode.SMFIC_CONNECT;
import static io.moat.milter.protocol.CommandCode.SMFIC_DATA;
import static io.moat.milter.protocol.CommandCode.SMFIC_EOH;
import static io.moat.milter.protocol.CommandCode.SMFIC_HEADER;
import static io.moat.milter.protocol.CommandCode.SMFIC_HELO;
import static io.moat.milter.protocol.CommandCode.SMFIC_MACRO;
import static io.moat.milter.protocol.CommandCode.SMFIC_MAIL;
import static io.moat.milter.protocol.CommandCode.SMFIC_OPTNEG;
import static io.moat.milter.protocol.CommandCode.SMFIC_QUIT;
import static io.moat.milter.protocol.CommandCode.SMFIC_QUIT_NC;
import static io.moat.milter.protocol.CommandCode.SMFIC_RCPT;
import static io.moat.milter.protocol.CommandCode.SMFIC_UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.protocol.CommandCode;
import io.moat.milter.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The order of milter commands, checked cell by cell: for every state and every command, either
 * the state it leads to or a protocol error. The expected table is written here from the protocol
 * (steps the MTA may skip when NO* flags are negotiated are legal to skip), not copied from the
 * implementation.
 */
class SessionStateMachineTest {

    /** How to reach each state from a fresh connection. */
    private static final Map<SessionState, List<CommandCode>> PATH = new EnumMap<>(SessionState.class);
    /** The legal moves: state → command → next state. Everything absent is out of order. */
    private static final Map<SessionState, Map<CommandCode, SessionState>> LEGAL = new EnumMap<>(SessionState.class);

    static {
        PATH.put(SessionState.NEW, List.of());
        PATH.put(SessionState.NEGOTIATED, List.of(SMFIC_OPTNEG));
        PATH.put(SessionState.CONNECTED, List.of(SMFIC_OPTNEG, SMFIC_CONNECT));
        PATH.put(SessionState.HELO, List.of(SMFIC_OPTNEG, SMFIC_CONNECT, SMFIC_HELO));
        PATH.put(SessionState.MAIL, List.of(SMFIC_OPTNEG, SMFIC_CONNECT, SMFIC_HELO, SMFIC_MAIL));
        PATH.put(SessionState.RCPT, List.of(SMFIC_OPTNEG, SMFIC_CONNECT, SMFIC_HELO, SMFIC_MAIL, SMFIC_RCPT));
        PATH.put(SessionState.DATA, List.of(SMFIC_OPTNEG, SMFIC_CONNECT, SMFIC_HELO, SMFIC_MAIL, SMFIC_RCPT, SMFIC_DATA));
        PATH.put(SessionState.HEADERS, List.of(SMFIC_OPTNEG, SMFIC_CONNECT, SMFIC_HELO, SMFIC_MAIL, SMFIC_RCPT, SMFIC_DATA,
                SMFIC_HEADER));
        PATH.put(SessionState.EOH, List.of(SMFIC_OPTNEG, SMFIC_CONNECT, SMFIC_HELO, SMFIC_MAIL, SMFIC_RCPT, SMFIC_DATA,
                SMFIC_HEADER, SMFIC_EOH));
        PATH.put(SessionState.BODY, List.of(SMFIC_OPTNEG, SMFIC_CONNECT, SMFIC_HELO, SMFIC_MAIL, SMFIC_RCPT, SMFIC_DATA,
                SMFIC_HEADER, SMFIC_EOH, SMFIC_BODY));
        PATH.put(SessionState.CLOSED, List.of(SMFIC_OPTNEG, SMFIC_QUIT));

        legal(SessionState.NEW, SMFIC_OPTNEG, SessionState.NEGOTIATED);
        legal(SessionState.NEW, SMFIC_QUIT, SessionState.CLOSED);
        for (SessionState s : List.of(SessionState.NEGOTIATED, SessionState.CONNECTED, SessionState.HELO)) {
            legal(s, SMFIC_HELO, SessionState.HELO);
            legal(s, SMFIC_MAIL, SessionState.MAIL);
        }
        legal(SessionState.NEGOTIATED, SMFIC_CONNECT, SessionState.CONNECTED);
        legal(SessionState.MAIL, SMFIC_RCPT, SessionState.RCPT);
        legal(SessionState.RCPT, SMFIC_RCPT, SessionState.RCPT);
        for (SessionState s : List.of(SessionState.MAIL, SessionState.RCPT)) {
            legal(s, SMFIC_DATA, SessionState.DATA);
        }
        for (SessionState s : List.of(SessionState.MAIL, SessionState.RCPT, SessionState.DATA, SessionState.HEADERS)) {
            legal(s, SMFIC_HEADER, SessionState.HEADERS);
            legal(s, SMFIC_EOH, SessionState.EOH);
        }
        for (SessionState s : List.of(SessionState.MAIL, SessionState.RCPT, SessionState.DATA, SessionState.HEADERS,
                SessionState.EOH, SessionState.BODY)) {
            legal(s, SMFIC_BODY, SessionState.BODY);
            legal(s, SMFIC_BODYEOB, SessionState.HELO);
            legal(s, SMFIC_ABORT, SessionState.HELO);
        }
        for (SessionState s : List.of(SessionState.NEGOTIATED, SessionState.CONNECTED, SessionState.HELO)) {
            legal(s, SMFIC_ABORT, s);
        }
        for (SessionState s : List.of(SessionState.NEGOTIATED, SessionState.CONNECTED, SessionState.HELO, SessionState.MAIL,
                SessionState.RCPT, SessionState.DATA, SessionState.HEADERS, SessionState.EOH, SessionState.BODY)) {
            legal(s, SMFIC_MACRO, s);
            legal(s, SMFIC_UNKNOWN, s);
            legal(s, SMFIC_QUIT, SessionState.CLOSED);
            legal(s, SMFIC_QUIT_NC, SessionState.NEGOTIATED);
        }
    }

    private static void legal(SessionState from, CommandCode code, SessionState to) {
        LEGAL.computeIfAbsent(from, k -> new EnumMap<>(CommandCode.class)).put(code, to);
    }

    static Stream<Arguments> everyCell() {
        List<Arguments> cells = new ArrayList<>();
        for (SessionState s : SessionState.values()) {
            for (CommandCode c : CommandCode.values()) {
                cells.add(Arguments.of(s, c, LEGAL.getOrDefault(s, Map.of()).get(c)));
            }
        }
        return cells.stream();
    }

    private static SessionStateMachine at(SessionState state) throws ProtocolException {
        SessionStateMachine m = new SessionStateMachine();
        for (CommandCode c : PATH.get(state)) {
            m.advance(c);
        }
        assertThat(m.state()).isEqualTo(state);
        return m;
    }

    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @MethodSource("everyCell")
    void eachCommandInEachStateLeadsToTheStateTheProtocolAllowsOrIsRefused(
            SessionState from, CommandCode code, SessionState expected) throws Exception {
        SessionStateMachine m = at(from);

        if (expected == null) {
            assertThatThrownBy(() -> m.advance(code))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining(code.name()).hasMessageContaining(from.name());
            assertThat(m.state()).as("a refused command changes nothing").isEqualTo(from);
        } else {
            assertThat(m.advance(code)).isEqualTo(expected);
        }
    }

    @Test
    void rcptBeforeMailIsOutOfOrder() throws Exception {
        assertThatThrownBy(() -> at(SessionState.HELO).advance(SMFIC_RCPT)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void dataBeforeAnyEnvelopeIsOutOfOrder() throws Exception {
        assertThatThrownBy(() -> at(SessionState.HELO).advance(SMFIC_DATA)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void connectTwiceIsOutOfOrder() throws Exception {
        assertThatThrownBy(() -> at(SessionState.CONNECTED).advance(SMFIC_CONNECT)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void nothingButOptnegOrQuitComesBeforeNegotiation() {
        for (CommandCode c : CommandCode.values()) {
            SessionStateMachine m = new SessionStateMachine();
            if (c == SMFIC_OPTNEG || c == SMFIC_QUIT) {
                continue;
            }
            assertThatThrownBy(() -> m.advance(c)).as(c.name()).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void secondOptnegIsOutOfOrder() throws Exception {
        assertThatThrownBy(() -> at(SessionState.HELO).advance(SMFIC_OPTNEG)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void quitNcLetsANewConnectFollowWithoutNegotiatingAgain() throws Exception {
        SessionStateMachine m = at(SessionState.BODY);

        m.advance(SMFIC_QUIT_NC);

        assertThat(m.advance(SMFIC_CONNECT)).isEqualTo(SessionState.CONNECTED);
        assertThat(m.advance(SMFIC_HELO)).isEqualTo(SessionState.HELO);
    }

    @Test
    void severalMessagesFollowEachOtherOnOneConnection() throws Exception {
        SessionStateMachine m = at(SessionState.HELO);
        for (int i = 0; i < 3; i++) {
            m.advance(SMFIC_MAIL);
            m.advance(SMFIC_RCPT);
            m.advance(SMFIC_DATA);
            m.advance(SMFIC_EOH);
            m.advance(SMFIC_BODYEOB);
            m.advance(SMFIC_ABORT);
            assertThat(m.state()).isEqualTo(SessionState.HELO);
        }
    }

    @Test
    void stepsTheMtaWasToldToSkipMayBeSkipped() throws Exception {
        SessionStateMachine m = at(SessionState.NEGOTIATED);

        m.advance(SMFIC_MAIL); // NOCONNECT + NOHELO
        m.advance(SMFIC_HEADER); // NORCPT + NODATA
        assertThat(m.advance(SMFIC_BODYEOB)).isEqualTo(SessionState.HELO); // NOEOH + NOBODY
    }

    @Test
    void inMessageCoversMailThroughBody() {
        assertThat(SessionState.values()).filteredOn(SessionState::inMessage).containsExactly(
                SessionState.MAIL, SessionState.RCPT, SessionState.DATA, SessionState.HEADERS, SessionState.EOH, SessionState.BODY);
    }
}
