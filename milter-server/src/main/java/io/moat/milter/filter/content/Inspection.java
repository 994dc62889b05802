// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.filter.content.ContentLimitException.Limit;
import io.moat.milter.verdict.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of one message's content walk: budgets spent so far, and what was found. */
final class Inspection {
    private static final int MAX_FINDINGS = 50;

    private final ContentLimits limits;
    private final List<PartInfo> parts = new ArrayList<>();
    private final Set<String> urls = new LinkedHashSet<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private long expanded;
    private int partCount;

    Inspection(ContentLimits limits) {
        this.limits = limits;
    }

    ContentLimits limits() {
        return limits;
    }

    Set<String> urls() {
        return urls;
    }

    void countPart() throws ContentLimitException {
        if (++partCount > limits.maxParts()) {
            throw new ContentLimitException(Limit.PARTS, "more than " + limits.maxParts() + " parts and entries");
        }
    }

    /** Counts decoded or unpacked bytes against the message's budget. */
    void expand(long bytes) throws ContentLimitException {
        expanded += bytes;
        if (expanded > limits.maxExpandedBytes()) {
            throw new ContentLimitException(Limit.EXPANDED_BYTES,
                    "decoding and unpacking produced more than " + limits.maxExpandedBytes() + " bytes");
        }
    }

    long expanded() {
        return expanded;
    }

    void part(PartInfo p) {
        // Bounded by max-parts: the walk stops there. Every part is kept, so each recipient's
        // banned list sees all of them.
        if (parts.size() <= limits.maxParts()) {
            parts.add(p);
        }
    }

    /**
     * Records a finding once per symbol and detail (broken MIME once per message: one broken
     * structure tends to break every part below it); a hostile message cannot grow the list
     * without end.
     */
    void add(ContentSymbol symbol, String detail) {
        String d = detail.length() > 300 ? detail.substring(0, 300) + "..." : detail;
        String key = symbol == ContentSymbol.MIME_MALFORMED ? symbol.name() : symbol + "\0" + d;
        if (findings.size() < MAX_FINDINGS) {
            findings.putIfAbsent(key, symbol.finding(d));
        }
    }

    void limitReached(ContentLimitException e) {
        ContentSymbol s = switch (e.limit()) {
            case DEPTH -> ContentSymbol.CONTENT_TOO_DEEP;
            case MULTIPART_NESTING -> ContentSymbol.MIME_TOO_DEEP;
            case PARTS -> ContentSymbol.CONTENT_TOO_MANY_PARTS;
            case EXPANDED_BYTES, EXPANSION_RATIO -> ContentSymbol.ARCHIVE_BOMB;
        };
        add(s, e.getMessage() == null ? e.limit().toString() : e.getMessage());
    }

    ContentReport report() {
        return new ContentReport(parts, List.copyOf(urls), List.copyOf(findings.values()));
    }
}
