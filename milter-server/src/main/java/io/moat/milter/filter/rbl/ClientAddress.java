// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import io.moat.milter.protocol.Command;
import io.moat.milter.session.ClientInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's IP address as lists are asked about it: only a public IPv4 or IPv6 literal
 * (loopback, private, link-local and unspecified addresses are never sent to a list). The text is
 * checked before parsing so no host name can cause a DNS lookup here.
 */
public final class ClientAddress {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    public static Optional<InetAddress> of(ClientInfo client) {
        if (client.family() != Command.Family.SMFIA_INET && client.family() != Command.Family.SMFIA_INET6) {
            return Optional.empty();
        }
        return parse(client.address());
    }

    static Optional<InetAddress> parse(String text) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "IPv6:", 0, 5)) {
            s = s.substring(5);
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (!LITERAL.matcher(s).matches()) {
            return Optional.empty();
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        boolean local = a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isAnyLocalAddress() || isUniqueLocal(a);
        return local ? Optional.empty() : Optional.of(a);
    }

    /** fc00::/7, the IPv6 private range Java does not call site-local. */
    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }
}
