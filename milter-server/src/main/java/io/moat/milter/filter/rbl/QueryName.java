// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The DNS name to ask a list about something: IPv4 as reversed octets ({@code 2.0.0.127.zone}),
 * IPv6 as 32 reversed nibbles (RFC 5782), a domain as itself in ASCII form before the zone.
 */
public final class QueryName {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private QueryName() {
    }

    public static String forAddress(InetAddress address, String zone) {
        return reversed(address) + "." + zone;
    }

    /** The reversed form without the zone: octets for IPv4, nibbles for IPv6. */
    public static String reversed(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder sb = new StringBuilder(64);
        switch (address) {
            case Inet4Address v4 -> {
                for (int i = 3; i >= 0; i--) {
                    sb.append(b[i] & 0xff).append(i > 0 ? "." : "");
                }
            }
            case Inet6Address v6 -> {
                for (int i = 15; i >= 0; i--) {
                    sb.append(HEX[b[i] & 0x0f]).append('.').append(HEX[(b[i] >> 4) & 0x0f]).append(i > 0 ? "." : "");
                }
            }
            default -> throw new IllegalArgumentException("neither IPv4 nor IPv6: " + address);
        }
        return sb.toString();
    }

    /**
     * The query for a domain, or empty when the text is not a usable host name (an address
     * literal, a single label, too long once the zone is appended).
     */
    public static Optional<String> forDomain(String domain, String zone) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!d.contains(".") || d.startsWith("[") || d.matches("[0-9.]+") || d.contains("..")) {
            return Optional.empty();
        }
        String name = d + "." + zone;
        return name.length() > 253 ? Optional.empty() : Optional.of(name);
    }
}
