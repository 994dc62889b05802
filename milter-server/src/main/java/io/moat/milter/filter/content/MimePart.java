// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One leaf body of the MIME tree as the walk meets it.
 *
 * @param index 1 for the first leaf of the message, and so on
 * @param mediaType the declared type, lower case without parameters, e.g. {@code text/plain}
 * @param typeParameters the Content-Type parameters, names in lower case
 * @param filename the decoded file name (Content-Disposition filename, else Content-Type name)
 * @param charset the declared charset, if any
 * @param enclosing the type of the nearest multipart around it, e.g. {@code multipart/encrypted}, or empty
 * @param depth how many messages and archives it is nested in (0: a part of the message itself)
 */
public record MimePart(
        int index,
        String mediaType,
        Map<String, String> typeParameters,
        @Nullable String filename,
        @Nullable String charset,
        String enclosing,
        int depth) {

    public MimePart {
        typeParameters = Map.copyOf(typeParameters);
    }

    /** How this part is named in findings and logs: {@code part 2 (invoice.pdf)}. */
    public String location() {
        return "part " + index + (filename == null ? "" : " (" + filename + ")");
    }
}
