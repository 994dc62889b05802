// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

/**
 * Which listeners ask the MTA not to wait for Moat's reply at the steps whose verdict can wait
 * for the next reply (headers, DATA, end of headers, body chunks, and CONNECT/HELO when no filter
 * runs there). Each such step saves a round trip; about 35 of the ~40 per message.
 */
public enum NoReply {
    /** Every step is answered, as libmilter does by default. */
    NONE,
    /** Only unix-socket connections skip replies. */
    UNIX,
    /** Unix-socket and TCP connections skip replies; TCP sockets then acknowledge every read at once. */
    ALL;

    public boolean appliesTo(boolean unixSocket) {
        return switch (this) {
            case NONE -> false;
            case UNIX -> unixSocket;
            case ALL -> true;
        };
    }
}
