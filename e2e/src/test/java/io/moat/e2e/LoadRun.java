// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few concurrent senders working through a list of messages, each with a unique X-Test-Id.
 * A 4xx reply (or a dropped connection) puts the message back at the end of the list after a
 * short pause, as a sending MTA retries; a 2xx at end of data is final; a 5xx is recorded.
 */
final class LoadRun {
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    /** Senders give up after this, whatever happens, so a broken run cannot keep the JVM busy. */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final int port;
    private final int senders;
    private final List<String> ids = new ArrayList<>();
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final Queue<String> rejected = new ConcurrentLinkedQueue<>();
    private final Set<String> tempfailReplies = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger tempfailed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final ExecutorService pool;

    /** {@code messages} messages with ids {@code PREFIX-0001}..., sent by {@code senders} threads. */
    LoadRun(int port, String prefix, int messages, int senders) {
        this.port = port;
        this.senders = senders;
        for (int i = 1; i <= messages; i++) {
            ids.add("%s-%04d".formatted(prefix, i));
        }
        pending.addAll(ids);
        pool = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "moat-e2e-sender");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        for (int i = 0; i < senders; i++) {
            pool.submit(this::work);
        }
        pool.shutdown();
    }

    private void work() {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        String id;
        while (System.nanoTime() - giveUp < 0 && !Thread.currentThread().isInterrupted() && (id = pending.poll()) != null) {
            try {
                SmtpClient.Outcome o = SmtpClient.send(port, "load@outside.example", "user@customer.example", "", message(id));
                if (o.accepted()) {
                    accepted.incrementAndGet();
                } else if (o.tempfailed()) {
                    tempfailed.incrementAndGet();
                    tempfailReplies.add(o.reply().lines().findFirst().orElse(""));
                    retryLater(id);
                } else {
                    rejected.add(id + ": " + o.stage() + " " + o.reply());
                }
            } catch (IOException e) {
                dropped.incrementAndGet();
                retryLater(id);
            }
        }
    }

    private void retryLater(String id) {
        Waits.sleep(RETRY_PAUSE);
        pending.add(id);
    }

    private static String message(String id) {
        return """
                From: load@outside.example
                To: user@customer.example
                Subject: load %1$s
                Message-ID: <%1$s@e2e.moat.test>
                X-Test-Id: %1$s

                Message %1$s of the milter outage test.
                """.formatted(id);
    }

    /** Waits until every message got its 2xx (or a 5xx), then stops the senders. */
    void awaitAllAccepted(Duration timeout) throws InterruptedException {
        if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            throw new AssertionError("senders did not finish within " + timeout + ": " + summary());
        }
    }

    int accepted() {
        return accepted.get();
    }

    int tempfailed() {
        return tempfailed.get();
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** The distinct first lines of every 4xx reply the senders got. */
    Set<String> tempfailReplies() {
        return Set.copyOf(tempfailReplies);
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    String summary() {
        return "%d messages: %d accepted, %d tempfailed replies, %d dropped connections, %d rejected%n"
                .formatted(ids.size(), accepted.get(), tempfailed.get(), dropped.get(), rejected.size());
    }
}
