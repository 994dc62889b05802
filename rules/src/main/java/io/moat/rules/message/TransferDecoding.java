// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

import java.io.ByteArrayOutputStream;

/**
 * Content-Transfer-Encoding decoders (base64, quoted-printable) that skip what they cannot read
 * rather than fail: broken mail is common and must still be scored.
 */
public final class TransferDecoding {
    private static final byte[] BASE64 = new byte[256];

    static {
        java.util.Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
        BASE64['-'] = 62;
        BASE64['_'] = 63;
    }

    private TransferDecoding() {
    }

    /** Decodes base64, ignoring characters outside the alphabet and stopping at padding. */
    public static byte[] base64(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
        int buffer = 0;
        int bits = 0;
        for (byte b : in) {
            if (b == '=') {
                bits = 0;
                buffer = 0;
                continue;
            }
            int v = BASE64[b & 0xff];
            if (v < 0) {
                continue;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        return out.toByteArray();
    }

    /** Decodes quoted-printable; {@code header} also turns '_' into a space (RFC 2047 Q). */
    public static byte[] quotedPrintable(byte[] in, boolean header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '_' && header) {
                out.write(' ');
            } else if (b != '=') {
                out.write(b);
            } else if (i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else if (i + 1 < in.length && in[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < in.length && in[i + 1] == '\r' && in[i + 2] == '\n') {
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
