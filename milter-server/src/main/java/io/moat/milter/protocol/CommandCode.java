// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import org.jspecify.annotations.Nullable;

/** The command bytes an MTA sends to a milter ({@code SMFIC_*} in libmilter's mfdef.h). */
public enum CommandCode {
    SMFIC_ABORT('A'),
    SMFIC_BODY('B'),
    SMFIC_CONNECT('C'),
    SMFIC_MACRO('D'),
    SMFIC_BODYEOB('E'),
    SMFIC_HELO('H'),
    SMFIC_QUIT_NC('K'),
    SMFIC_HEADER('L'),
    SMFIC_MAIL('M'),
    SMFIC_EOH('N'),
    SMFIC_OPTNEG('O'),
    SMFIC_QUIT('Q'),
    SMFIC_RCPT('R'),
    SMFIC_DATA('T'),
    SMFIC_UNKNOWN('U');

    private static final CommandCode[] BY_BYTE = new CommandCode[128];

    static {
        for (CommandCode c : values()) {
            BY_BYTE[c.wire] = c;
        }
    }

    private final char wire;

    CommandCode(char wire) {
        this.wire = wire;
    }

    /** The byte on the wire. */
    public char wire() {
        return wire;
    }

    /** The command for a wire byte, or null when the byte names no command. */
    public static @Nullable CommandCode of(int b) {
        return b >= 0 && b < BY_BYTE.length ? BY_BYTE[b] : null;
    }
}
