// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import io.moat.milter.record.MessageRecord;
import io.moat.milter.record.MessageRecorder;
import io.moat.milter.verdict.Finding;
import io.moat.milter.verdict.Classification;
import io.moat.store.LogRow;
import io.moat.store.MessageLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes message-log rows (one per recipient) to the store in batches from a background thread,
 * so SMTP never waits on the log. The queue is bounded: when the store cannot keep up, rows are
 * counted and dropped with a warning (the mail itself is unaffected; the gateway log line stays).
 * The writer is a platform thread: the SQLite driver commits (and fsyncs) in native code, and a
 * virtual thread there would hold one of the scheduler's carriers (one per core) for the whole
 * commit, about half the time under load.
 */
public final class StoreMessageLog implements MessageRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMessageLog.class);
    private static final int BATCH = 500;

    private final MessageLog log;
    private final BlockingQueue<LogRow> queue;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;

    public StoreMessageLog(MessageLog log, int capacity) {
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("moat-message-log").daemon(true).start(this::drain);
    }

    @Override
    public void record(MessageRecord r) {
        for (String rcpt : r.recipients().isEmpty() ? List.of("") : r.recipients()) {
            LogRow row = new LogRow(0, r.time(), r.host(), r.queueId(), blankToNull(r.messageId()), r.sender(), rcpt,
                    StoreLabels.destination(r.action()), StoreLabels.classification(r.classification()), r.score(),
                    r.size(), blankToNull(r.clientAddress()), blankToNull(r.subject()), detail(r),
                    r.quarantineId() == 0 ? null : r.quarantineId());
            if (!queue.offer(row) && dropped.incrementAndGet() % 1000 == 1) {
                LOG.warn("message log is behind: {} rows dropped so far", dropped.get());
            }
        }
    }

    /** Rows dropped so far because the queue was full: a metric. */
    public long dropped() {
        return dropped.get();
    }

    /** The virus's signature, else the banned part: the strongest class's reason, whatever the findings' order. */
    private static @Nullable String detail(MessageRecord r) {
        for (Classification c : new Classification[] {Classification.VIRUS, Classification.BANNED}) {
            for (Finding f : r.findings()) {
                if (f.implies() == c) {
                    return f.symbol() + (f.detail().isEmpty() ? "" : ": " + f.detail());
                }
            }
        }
        return null;
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() || s.equals("unknown") ? null : s.strip();
    }

    private void drain() {
        List<LogRow> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                LogRow first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                log.append(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("could not write {} message-log rows: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    /** Writes what is queued, waiting at most {@code timeout}. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    public void close(Duration timeout) {
        closing = true;
        try {
            writer.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
