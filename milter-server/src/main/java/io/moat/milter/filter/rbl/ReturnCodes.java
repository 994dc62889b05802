// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Converts DNSBL return codes between dotted quads and the 32-bit values the masks work on. */
public final class ReturnCodes {
    private ReturnCodes() {
    }

    /** Parses a dotted quad such as {@code 127.0.0.2}. */
    public static int parse(String dotted) {
        String[] parts = dotted.strip().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 return code: \"" + dotted + "\"");
        }
        int v = 0;
        for (String p : parts) {
            int octet;
            try {
                octet = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 return code: \"" + dotted + "\"", e);
            }
            if (octet < 0 || octet > 255 || p.isEmpty() || p.length() > 3) {
                throw new IllegalArgumentException("not an IPv4 return code: \"" + dotted + "\"");
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    public static int of(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            throw new IllegalArgumentException("return codes are IPv4 addresses: " + a);
        }
        byte[] b = a.getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    public static String format(int code) {
        return (code >>> 24) + "." + ((code >>> 16) & 0xff) + "." + ((code >>> 8) & 0xff) + "." + (code & 0xff);
    }

    /** 127.255.255.0/24: the range lists use to say "you may not query us" (e.g. through a public resolver). */
    public static boolean isRefusalRange(int code) {
        return (code & 0xffffff00) == 0x7fffff00;
    }

    /** 127.0.0.0/8: the only range a list answers a listing in; anything else is a hijacked or wildcard answer. */
    public static boolean isLoopback(int code) {
        return (code >>> 24) == 127;
    }

    static InetAddress toAddress(int code) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
