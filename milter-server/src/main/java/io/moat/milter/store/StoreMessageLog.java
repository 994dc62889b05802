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
import java.util.concurrent.locks.LockSupport;
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
 *
 * <p>After the first row of a batch arrives the writer waits {@code linger} (1 s by default) for
 * more, then commits up to {@value #BATCH} rows in one transaction: each commit rewrites the index
 * pages it touched and syncs (SQLite's {@code synchronous=FULL}), so few large batches cost far
 * less per row than many small ones (SQLite, 8 indexes, {@code MessageLogWriteBenchmark}: 38 µs
 * of CPU per row in batches of 500, 19 µs at 5,000, 16 µs at 10,000). A row is searchable at most
 * about {@code linger} after its message.
 */
public final class StoreMessageLog implements MessageRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMessageLog.class);
    static final int BATCH = 10_000;
    private static final Duration LINGER = Duration.ofSeconds(1);

    private final MessageLog log;
    private final BlockingQueue<LogRow> queue;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private final long lingerNanos;
    private volatile boolean closing;

    public StoreMessageLog(MessageLog log, int capacity) {
        this(log, capacity, LINGER);
    }

    /** @param linger how long the writer gathers rows after the first of a batch before it commits */
    public StoreMessageLog(MessageLog log, int capacity, Duration linger) {
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.lingerNanos = linger.toNanos();
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
                gather();
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

    /**
     * Lets rows gather for the linger time. The writer sleeps rather than waiting on the queue,
     * so recording a row never wakes it; {@link #close} cuts the wait short.
     */
    private void gather() {
        long deadline = System.nanoTime() + lingerNanos;
        long left;
        while (!closing && queue.remainingCapacity() > 0 && queue.size() < BATCH
                && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, Math.min(left, 50_000_000L));
        }
    }

    /** Writes what is queued, waiting at most {@code timeout}. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    public void close(Duration timeout) {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
