// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.session.Transaction;
import io.moat.milter.verdict.BannedTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks one whole message (MIME parts, archives, nested messages) and reports what it carries.
 * Limits end the walk as findings; broken MIME and broken archives end as findings; a parser
 * failing on hostile input ends as a finding too. Only failing to read the message itself (the
 * spool file) is an exception, and the pipeline tempfails on it. Thread-safe.
 */
public final class ContentInspector {
    private static final Logger LOG = LoggerFactory.getLogger(ContentInspector.class);

    private final ContentLimits limits;
    private final BannedTypes banned;
    private final TypeDetector detector = new TypeDetector();
    private final ArchiveReader archives;
    private final MimeWalker walker;

    public ContentInspector(ContentLimits limits, BannedTypes banned, Path spoolDirectory) {
        this.limits = limits;
        this.banned = banned;
        this.archives = new ArchiveReader(spoolDirectory);
        this.walker = new MimeWalker(limits.maxDepth());
    }

    public ContentReport inspect(Transaction t) throws IOException {
        try (InputStream in = t.openMessage()) {
            return inspect(in);
        }
    }

    /** Inspects a message given as headers, a blank line and the body. */
    public ContentReport inspect(InputStream message) throws IOException {
        Inspection ins = new Inspection(limits);
        PartInspector parts = new PartInspector(detector, banned, archives, walker, ins);
        try {
            MimeWalker.Walk w = walker.walk(message, 0, (p, decoded) -> parts.mimePart("", p, decoded));
            if (!w.problems().isEmpty()) {
                ins.add(ContentSymbol.MIME_MALFORMED, String.join("; ", w.problems()));
            }
        } catch (ContentLimitException e) {
            ins.limitReached(e);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser tripping over hostile input: a finding, not a crash, but worth a look.
            LOG.warn("content walk failed after {} bytes: {}", ins.expanded(), e.toString());
            ins.add(ContentSymbol.MIME_MALFORMED, "parser failed: " + e.getClass().getSimpleName());
        }
        return ins.report();
    }
}
