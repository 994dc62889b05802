// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A content limit was reached. It is an {@link IOException} so it passes unchanged through the
 * read calls of the decoders and archive readers that sit between the meter and the walk.
 */
public final class ContentLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Which limit. */
    public enum Limit { DEPTH, MULTIPART_NESTING, PARTS, EXPANDED_BYTES, EXPANSION_RATIO }

    private final Limit limit;

    public ContentLimitException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }

    /** The limit exception anywhere in {@code e}'s cause chain, if a reader wrapped ours. */
    static @Nullable ContentLimitException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContentLimitException c) {
                return c;
            }
        }
        return null;
    }
}
