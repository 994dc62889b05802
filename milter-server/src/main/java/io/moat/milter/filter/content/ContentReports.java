// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.session.Transaction;
import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The content report of each open transaction, computed on first request and shared by the
 * filters that need it (attachments, URI blocklists), so a message is walked once. Entries go
 * when their transaction is no longer referenced.
 */
public final class ContentReports {
    private final ContentInspector inspector;
    private final Map<Transaction, ContentReport> reports = new WeakHashMap<>();

    public ContentReports(ContentInspector inspector) {
        this.inspector = inspector;
    }

    public ContentReport of(Transaction t) throws IOException {
        synchronized (reports) {
            ContentReport r = reports.get(t);
            if (r != null) {
                return r;
            }
        }
        // Walked outside the lock: one transaction is only ever worked on by its own connection.
        ContentReport r = inspector.inspect(t);
        synchronized (reports) {
            reports.put(t, r);
        }
        return r;
    }
}
