// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import io.moat.milter.protocol.ProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * Runs the workers, one thread per connection, each playing messages back to back (a closed loop).
 * A message counts when it ends inside the measured window (by time), or when it started after the
 * warm-up and got one of the {@code messageCount} tickets (by count). A watchdog closes a connection
 * whose reply has not come for {@link #REPLY_TIMEOUT_NANOS} (Postfix's milter_command_timeout is 30 s),
 * which counts as an error.
 */
public final class LoadRun {
    static final long REPLY_TIMEOUT_NANOS = 30_000_000_000L;

    private final LoadSettings settings;
    private final List<PreparedMessage> messages;
    private final LongSupplier ticker;
    private final AtomicLong tickets;
    private final AtomicLong queueIds = new AtomicLong(0x1A2B3C000L);
    private final long measureStart;
    private final long measureEnd;
    private final AtomicReferenceArray<MilterClient> open;
    private volatile boolean stop;

    public LoadRun(LoadSettings settings, List<PreparedMessage> messages, LongSupplier ticker) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no messages to send");
        }
        this.settings = settings;
        this.messages = List.copyOf(messages);
        this.ticker = ticker;
        this.tickets = new AtomicLong(settings.messageCount());
        this.open = new AtomicReferenceArray<>(settings.connections());
        this.measureStart = ticker.getAsLong() + settings.warmup().toNanos();
        this.measureEnd = settings.messageCount() > 0 ? Long.MAX_VALUE : measureStart + settings.duration().toNanos();
    }

    /** The ticker value at which measuring starts. */
    public long measureStart() {
        return measureStart;
    }

    /** Runs every worker to the end and merges what they saw. */
    public Tally run() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            Tally t = new Tally();
            tallies.add(t);
            int worker = i;
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> work(worker, t)));
        }
        Thread watchdog = Thread.ofPlatform().daemon().name("load-watchdog").start(this::watch);
        for (Thread t : threads) {
            t.join();
        }
        watchdog.interrupt();
        Tally all = new Tally();
        tallies.forEach(all::add);
        return all;
    }

    private void watch() {
        try {
            while (true) {
                Thread.sleep(1_000);
                long now = System.nanoTime();
                for (int i = 0; i < open.length(); i++) {
                    MilterClient c = open.get(i);
                    long since = c == null ? 0 : c.stalledSince();
                    if (since != 0 && now - since > REPLY_TIMEOUT_NANOS) {
                        c.abandon();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(int worker, Tally tally) {
        int next = worker;
        int connection = worker;
        String sender = "sender" + worker + "@example.org";
        String recipient = "user" + worker + "@moat.test";
        while (!stop && ticker.getAsLong() <= measureEnd) {
            try (MilterClient client = MilterClient.open(settings.target(), settings.flushEachFrame(), settings.nagle(),
                    settings.writeBuffer())) {
                open.set(worker, client);
                tally.connections++;
                PostfixConversation session = new PostfixConversation(client, connection);
                connection += settings.connections();
                char r = session.begin();
                if (r != 'c') {
                    throw new ProtocolException("session refused at CONNECT/HELO with reply '" + r + "'");
                }
                for (int i = 0; i < settings.messagesPerConnection() && !stop; i++) {
                    play(session, messages.get(next % messages.size()), sender, recipient, tally);
                    next += settings.connections();
                }
                session.end();
            } catch (IOException | ProtocolException | RuntimeException e) {
                tally.error(e);
                pause();
            }
        }
    }

    private void play(PostfixConversation session, PreparedMessage m, String sender, String recipient, Tally tally)
            throws IOException, ProtocolException {
        long start = ticker.getAsLong();
        boolean counted = start >= measureStart && settings.messageCount() > 0 && tickets.getAndDecrement() > 0;
        if (start >= measureStart && settings.messageCount() > 0 && !counted) {
            stop = true;
            return;
        }
        String queueId = Long.toHexString(queueIds.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
        char reply = session.message(m, queueId, sender, recipient);
        long end = ticker.getAsLong();
        if (settings.messageCount() == 0) {
            counted = end >= measureStart && end <= measureEnd;
            stop = end > measureEnd;
        }
        if (counted) {
            tally.message(start, end, reply);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
