// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.message;

/**
 * A summary of one leaf MIME part: its media type, declared charset and transfer encoding, file
 * name (empty if none) and decoded size in bytes.
 */
public record MimePart(String mediaType, String charset, String transferEncoding, String filename, int size) {
    public boolean isText() {
        return mediaType.startsWith("text/");
    }
}
