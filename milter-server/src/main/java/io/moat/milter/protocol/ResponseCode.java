// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import org.jspecify.annotations.Nullable;

/** The reply bytes a milter sends to the MTA ({@code SMFIR_*} in libmilter's mfdef.h). */
public enum ResponseCode {
    SMFIR_ADDRCPT('+', false),
    SMFIR_DELRCPT('-', false),
    SMFIR_ADDRCPT_PAR('2', false),
    SMFIR_SHUTDOWN('4', true),
    SMFIR_ACCEPT('a', true),
    SMFIR_REPLBODY('b', false),
    SMFIR_CONTINUE('c', true),
    SMFIR_DISCARD('d', true),
    SMFIR_CHGFROM('e', false),
    SMFIR_CONN_FAIL('f', true),
    SMFIR_ADDHEADER('h', false),
    SMFIR_INSHEADER('i', false),
    SMFIR_CHGHEADER('m', false),
    SMFIR_PROGRESS('p', false),
    SMFIR_QUARANTINE('q', false),
    SMFIR_REJECT('r', true),
    SMFIR_SKIP('s', true),
    SMFIR_TEMPFAIL('t', true),
    SMFIR_REPLYCODE('y', true),
    /** The negotiation reply; it shares its byte with {@link CommandCode#SMFIC_OPTNEG}. */
    SMFIC_OPTNEG('O', true);

    private static final ResponseCode[] BY_BYTE = new ResponseCode[128];

    static {
        for (ResponseCode c : values()) {
            BY_BYTE[c.wire] = c;
        }
    }

    private final char wire;
    private final boolean terminal;

    ResponseCode(char wire, boolean terminal) {
        this.wire = wire;
        this.terminal = terminal;
    }

    public char wire() {
        return wire;
    }

    /** Whether this reply ends the MTA's wait for an answer to the current command. */
    public boolean terminal() {
        return terminal;
    }

    public static @Nullable ResponseCode of(int b) {
        return b >= 0 && b < BY_BYTE.length ? BY_BYTE[b] : null;
    }
}
