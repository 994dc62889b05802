// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import io.moat.milter.protocol.Command;

/**
 * Who is connected to the MTA: the SMTP client's name and address from CONNECT, and its HELO.
 * For a unix-socket client the address is the socket path; for an unknown peer it is empty.
 */
public record ClientInfo(String hostname, Command.Family family, String address, int port, String helo) {
    public static final ClientInfo UNKNOWN = new ClientInfo("unknown", Command.Family.SMFIA_UNKNOWN, "", 0, "");

    public static ClientInfo of(Command.Connect c) {
        return new ClientInfo(c.hostname(), c.family(), c.address(), c.port(), "");
    }

    public ClientInfo withHelo(String name) {
        return new ClientInfo(hostname, family, address, port, name);
    }

    /** The address for logs: bare IP, socket path, or "unknown". */
    public String addressForLog() {
        return address.isEmpty() ? "unknown" : address;
    }
}
