// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.HexFormat;

/** Golden frames are written as spaced hex; this turns them into bytes and back. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replaceAll("\\s+", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String compact(String spacedHex) {
        return spacedHex.replaceAll("\\s+", "");
    }
}
