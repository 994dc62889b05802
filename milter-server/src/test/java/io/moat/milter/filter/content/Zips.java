// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

/** Byte surgery on zip files for tests. */
final class Zips {
    private Zips() {
    }

    /** Sets the "encrypted" flag on every entry, as a password-protected zip has it. */
    static byte[] markEncrypted(byte[] zip) {
        byte[] out = zip.clone();
        for (int i = 0; i + 10 < out.length; i++) {
            if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 3 && out[i + 3] == 4) {
                out[i + 6] |= 1; // local file header: general purpose flags at +6
            } else if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 1 && out[i + 3] == 2) {
                out[i + 8] |= 1; // central directory header: flags at +8
            }
        }
        return out;
    }
}
