// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The connections to one clamd: at most {@code maxConnections} at once, busy or idle. A scan takes
 * a slot, then the most recently used idle session (so the oldest age out), else opens one. Idle
 * sessions older than {@code maxIdle}, closed by clamd or past {@code maxCommands} are closed
 * instead of reused; so is every session that is not {@link ClamdSession#healthy()} after its scan.
 */
final class ClamdPool implements Closeable {
    private final ClamdEndpoint endpoint;
    private final Duration connectTimeout;
    private final Watchdog watchdog;
    private final Clock clock;
    private final Duration maxIdle;
    private final int maxCommands;
    private final Semaphore slots;
    private final Deque<ClamdSession> idle = new ArrayDeque<>();
    private final LongAdder opened = new LongAdder();
    private boolean closed;

    ClamdPool(ClamdEndpoint endpoint, ClamdSettings settings, Watchdog watchdog, Clock clock, Duration maxIdle,
              int maxCommands) {
        this.endpoint = endpoint;
        this.connectTimeout = settings.connectTimeout();
        this.watchdog = watchdog;
        this.clock = clock;
        this.maxIdle = maxIdle;
        this.maxCommands = maxCommands;
        this.slots = new Semaphore(settings.maxConnections(), true);
    }

    /** Waits up to {@code wait} for a free slot; false when none came. */
    boolean enter(Duration wait) throws InterruptedException {
        return slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void leave() {
        slots.release();
    }

    /** A reusable idle session, or null when there is none (the caller then {@link #open()}s one). */
    @Nullable ClamdSession reuse() {
        Instant now = clock.instant();
        closeOlderThan(now.minus(maxIdle));
        while (true) {
            ClamdSession s;
            synchronized (this) {
                s = idle.pollFirst();
            }
            if (s == null) {
                return null;
            }
            if (Duration.between(s.idleSince(), now).compareTo(maxIdle) < 0 && s.alive()) {
                return s;
            }
            s.close();
        }
    }

    /** Closes the least recently used idle sessions that have idled too long (they sit at the tail). */
    private void closeOlderThan(Instant limit) {
        while (true) {
            ClamdSession s;
            synchronized (this) {
                s = idle.peekLast();
                if (s == null || s.idleSince().isAfter(limit)) {
                    return;
                }
                idle.pollLast();
            }
            s.close();
        }
    }

    /** Connects a new session within the connect timeout; a timeout is a {@link SocketTimeoutException}. */
    ClamdSession open() throws IOException {
        SocketChannel ch = SocketChannel.open(endpoint.family());
        Watchdog.Deadline deadline = watchdog.arm(ch, connectTimeout);
        try {
            if (endpoint instanceof ClamdEndpoint.Tcp) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            ch.connect(endpoint.address());
            opened.increment();
            return new ClamdSession(ch, clock.instant());
        } catch (IOException e) {
            ch.close();
            if (deadline.fired()) {
                throw new SocketTimeoutException(endpoint.spec() + " did not accept a connection within " + connectTimeout);
            }
            throw e;
        } finally {
            deadline.cancel();
        }
    }

    /** Takes a session back after a command: kept idle when healthy, closed otherwise. */
    void giveBack(ClamdSession s) {
        if (s.healthy() && s.channel().isOpen() && s.commands() < maxCommands) {
            s.idleSince(clock.instant());
            synchronized (this) {
                if (!closed) {
                    idle.addFirst(s);
                    return;
                }
            }
        }
        s.close();
    }

    /** Connections opened so far: with reuse, far fewer than scans. */
    long opened() {
        return opened.sum();
    }

    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        while (true) {
            ClamdSession s;
            synchronized (this) {
                s = idle.pollFirst();
            }
            if (s == null) {
                return;
            }
            s.close();
        }
    }
}
