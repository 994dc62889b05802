// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

/**
 * Bounds on the content walk, so a hostile message ends as a finding and not as a full disk,
 * heap or CPU.
 *
 * @param maxDepth how deep archives and nested messages are opened (the message itself is 0)
 * @param maxParts how many parts and archive entries are looked at, all levels together
 * @param maxExpandedBytes how many bytes decoding and unpacking may produce, all levels together
 * @param maxExpansionRatio how many bytes one archive may unpack per byte it occupies
 * @param maxUrls how many distinct URLs are kept per message
 */
public record ContentLimits(int maxDepth, int maxParts, long maxExpandedBytes, int maxExpansionRatio, int maxUrls) {
    public static final ContentLimits DEFAULTS = new ContentLimits(8, 1000, 100L * 1024 * 1024, 100, 1000);

    /** An archive may always unpack this much, whatever its ratio: small files compress well. */
    static final long RATIO_FLOOR = 1024 * 1024;

    public ContentLimits {
        if (maxDepth < 1 || maxDepth > 64) {
            throw new IllegalArgumentException("content.max-depth must be from 1 to 64");
        }
        if (maxParts < 1) {
            throw new IllegalArgumentException("content.max-parts must be at least 1");
        }
        if (maxExpandedBytes < 1) {
            throw new IllegalArgumentException("content.max-expanded-bytes must be positive");
        }
        if (maxExpansionRatio < 2) {
            throw new IllegalArgumentException("content.max-expansion-ratio must be at least 2");
        }
        if (maxUrls < 0) {
            throw new IllegalArgumentException("content.max-urls must not be negative");
        }
    }
}
