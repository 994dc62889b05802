// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.Arrays;

/** One milter packet: the command or reply byte and its payload (without the length header). */
public record Frame(byte code, byte[] payload) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.code == code && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Frame[" + (char) code + ", " + payload.length + " bytes]";
    }
}
