// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import java.io.ByteArrayOutputStream;

/**
 * SMTP DATA transparency (RFC 5321 4.5.2): every line ends in CRLF (bare LF and CR are
 * completed), a line starting with {@code .} gets another {@code .}, and the data ends in CRLF.
 */
final class Dotstuffing {
    private Dotstuffing() {
    }

    static byte[] encode(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (lineStart && b == '.') {
                out.write('.');
            }
            if (b == '\r' || b == '\n') {
                out.write('\r');
                out.write('\n');
                if (b == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
                    i++;
                }
                lineStart = true;
            } else {
                out.write(b);
                lineStart = false;
            }
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }
}
