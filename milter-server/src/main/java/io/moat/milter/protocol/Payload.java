// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the payload primitives: uint32, uint16, NUL-terminated strings. */
final class Payload {
    private final byte[] bytes;
    private int pos;

    Payload(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean atEnd() {
        return pos >= bytes.length;
    }

    int remaining() {
        return bytes.length - pos;
    }

    int uint32(String what) throws ProtocolException {
        need(4, what);
        int v = ((bytes[pos] & 0xff) << 24) | ((bytes[pos + 1] & 0xff) << 16)
                | ((bytes[pos + 2] & 0xff) << 8) | (bytes[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    int uint16(String what) throws ProtocolException {
        need(2, what);
        int v = ((bytes[pos] & 0xff) << 8) | (bytes[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    int u8(String what) throws ProtocolException {
        need(1, what);
        return bytes[pos++] & 0xff;
    }

    /** A NUL-terminated string, as ISO-8859-1 so every byte maps to one char. */
    String cstring(String what) throws ProtocolException {
        for (int i = pos; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                String s = new String(bytes, pos, i - pos, StandardCharsets.ISO_8859_1);
                pos = i + 1;
                return s;
            }
        }
        throw new ProtocolException(what + " is not NUL-terminated");
    }

    /** The rest of the payload as a string, with or without a trailing NUL. */
    String restAsString() {
        int end = bytes.length;
        if (end > pos && bytes[end - 1] == 0) {
            end--;
        }
        String s = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
        pos = bytes.length;
        return s;
    }

    /** Consecutive NUL-terminated strings up to the end of the payload. */
    List<String> cstrings(String what) throws ProtocolException {
        List<String> out = new ArrayList<>();
        while (!atEnd()) {
            out.add(cstring(what));
        }
        return out;
    }

    byte[] rest() {
        byte[] out = new byte[bytes.length - pos];
        System.arraycopy(bytes, pos, out, 0, out.length);
        pos = bytes.length;
        return out;
    }

    void expectEnd(String what) throws ProtocolException {
        if (!atEnd()) {
            throw new ProtocolException(what + " has " + remaining() + " unexpected trailing bytes");
        }
    }

    private void need(int n, String what) throws ProtocolException {
        if (bytes.length - pos < n) {
            throw new ProtocolException(what + " is cut short");
        }
    }

    static void putUint32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static void putUint16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static void putCString(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
    }
}
