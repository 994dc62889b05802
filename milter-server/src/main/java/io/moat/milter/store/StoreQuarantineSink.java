// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import io.moat.milter.engine.HeldMessage;
import io.moat.milter.engine.QuarantineSink;
import io.moat.milter.verdict.Finding;
import io.moat.store.QuarantineEntry;
import io.moat.store.QuarantineStore;
import io.moat.store.ReleaseToken;
import io.moat.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The quarantine in the store. {@link QuarantineStore#put} commits before it returns, so when
 * {@link #hold} returns the copy survives a crash; a store failure becomes an IOException, which
 * the engine answers with tempfail. Store calls run {@link OffCarrier off the virtual thread's carrier}.
 */
public final class StoreQuarantineSink implements QuarantineSink {
    private final QuarantineStore store;
    private final OffCarrier calls = new OffCarrier("moat-quarantine", 2);

    public StoreQuarantineSink(QuarantineStore store) {
        this.store = store;
    }

    @Override
    public long hold(HeldMessage m) throws IOException {
        byte[] content;
        try (InputStream in = m.transaction().openMessage()) {
            content = in.readAllBytes();
        }
        List<String> findings = m.decision().findings().stream().map(StoreQuarantineSink::describe).toList();
        QuarantineEntry entry = new QuarantineEntry(m.queueId(), m.transaction().sender().address(), m.recipients(),
                m.clientAddress().equals("unknown") ? null : m.clientAddress(), m.time(), StoreLabels.classification(m.classification()),
                m.decision().score(), findings, m.reason(), m.transaction().header("Message-ID").map(String::strip).orElse(null),
                m.transaction().header("Subject").orElse(null), content);
        try {
            return calls.call(() -> store.put(entry).id());
        } catch (StoreException e) {
            throw new IOException("quarantine store: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("quarantine store: interrupted", e);
        }
    }

    private static String describe(Finding f) {
        return f.detail().isEmpty() ? f.symbol() : f.symbol() + "(" + f.detail() + ")";
    }

    @Override
    public boolean isReleased(String token) {
        try {
            return calls.call(() -> store.isReleased(token));
        } catch (StoreException e) {
            // Unknown is not released: the copy is scanned like any other message.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String releaseHeader() {
        return ReleaseToken.HEADER;
    }
}
