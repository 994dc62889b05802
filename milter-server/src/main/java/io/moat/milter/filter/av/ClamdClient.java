// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import io.moat.milter.filter.av.ScanResult.Cause;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Our client for one clamd: {@code zINSTREAM} over TCP or a unix socket, the content sent in
 * length-prefixed chunks (4 bytes, big-endian) and ended by a zero length. It never sends more
 * than {@link ClamdSettings#maxStreamSize()}; a longer stream is scanned up to there and reported
 * as {@link Cause#TOO_LARGE} unless that prefix is already infected. Scans run in clamd sessions
 * ({@code IDSESSION}) kept in a {@link ClamdPool} of at most {@code maxConnections}. A scan that
 * fails on a reused connection before clamd answered is tried once more on a new connection. A
 * watchdog closes a connection that outlives its deadline, which unblocks the read on both socket
 * kinds; such a connection is never reused.
 */
public final class ClamdClient implements Closeable {
    /** Below clamd's 30s defaults for IdleTimeout and CommandReadTimeout. */
    static final Duration MAX_IDLE = Duration.ofSeconds(10);
    /** Sessions are renewed after this many commands, so no clamd-side per-session state grows forever. */
    static final int MAX_COMMANDS = 1000;

    private final ClamdEndpoint endpoint;
    private final ClamdSettings settings;
    private final Clock clock;
    private final Watchdog watchdog;
    private final ClamdPool pool;

    public ClamdClient(ClamdEndpoint endpoint, ClamdSettings settings) {
        this(endpoint, settings, Clock.systemUTC(), MAX_IDLE);
    }

    ClamdClient(ClamdEndpoint endpoint, ClamdSettings settings, Clock clock, Duration maxIdle) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.clock = clock;
        this.watchdog = new Watchdog("clamd-watchdog " + endpoint.spec());
        this.pool = new ClamdPool(endpoint, settings, watchdog, clock, maxIdle, MAX_COMMANDS);
    }

    public ClamdEndpoint endpoint() {
        return endpoint;
    }

    /** True when clamd answers PING with PONG within the timeouts. */
    public boolean ping() throws InterruptedException {
        return call((s, replay) -> s.ping()) instanceof ScanResult.Clean;
    }

    /**
     * Streams {@code content} to clamd and reads its verdict.
     *
     * @throws IOException only when reading {@code content} fails: a problem on our side, not clamd's
     */
    public ScanResult scan(InputStream content) throws IOException, InterruptedException {
        try {
            return call((s, replay) -> s.instream(content, settings.maxStreamSize(), replay));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Connections opened so far (for tests and metrics). */
    long connectionsOpened() {
        return pool.opened();
    }

    int idleConnections() {
        return pool.idleCount();
    }

    private ScanResult call(Exchange exchange) throws InterruptedException {
        Instant start = clock.instant();
        if (!pool.enter(settings.scanTimeout())) {
            return new ScanResult.Failed(Cause.TIMEOUT, "all " + settings.maxConnections() + " connections to "
                    + endpoint.spec() + " stayed busy for " + settings.scanTimeout());
        }
        try {
            ClamdSession reused = pool.reuse();
            ClamdStream.Head replay = null;
            if (reused != null) {
                Attempt first = attempt(reused, exchange, null, settings.scanTimeout());
                if (first.retry().isEmpty()) {
                    return first.result();
                }
                replay = first.retry().orElseThrow();
            }
            Duration left = settings.scanTimeout().minus(Duration.between(start, clock.instant()));
            if (left.isNegative() || left.isZero()) {
                return timedOut(settings.scanTimeout());
            }
            return attempt(pool.open(), exchange, replay, left).result();
        } catch (SocketTimeoutException e) {
            return new ScanResult.Failed(Cause.TIMEOUT, e.getMessage());
        } catch (IOException e) {
            return new ScanResult.Failed(Cause.UNAVAILABLE, endpoint.spec() + ": " + e);
        } finally {
            pool.leave();
        }
    }

    /** One command on one session under one deadline; a session that failed is closed here. */
    private Attempt attempt(ClamdSession s, Exchange exchange, ClamdStream.@Nullable Head replay, Duration limit) {
        Watchdog.Deadline deadline = watchdog.arm(s.channel(), limit);
        try {
            ScanResult r = exchange.run(s, replay);
            deadline.cancel();
            if (deadline.fired()) {
                s.close();
            } else {
                pool.giveBack(s);
            }
            return new Attempt(r, Optional.empty());
        } catch (IOException e) {
            deadline.cancel();
            s.close();
            if (deadline.fired()) {
                return new Attempt(timedOut(limit), Optional.empty());
            }
            ScanResult failed = new ScanResult.Failed(Cause.UNAVAILABLE, endpoint.spec() + ": " + e);
            boolean retry = replay == null && s.commands() > 1 && !s.answered();
            return new Attempt(failed, retry ? s.head() : Optional.empty());
        } catch (RuntimeException e) {
            deadline.cancel();
            s.close();
            throw e;
        }
    }

    private ScanResult timedOut(Duration limit) {
        return new ScanResult.Failed(Cause.TIMEOUT, endpoint.spec() + " did not answer within " + limit);
    }

    /** Closes every connection, ending idle sessions politely, and stops the watchdog. */
    @Override
    public void close() {
        pool.close();
        watchdog.close();
    }

    /** The outcome of one attempt, and what a retry must replay when one is allowed. */
    private record Attempt(ScanResult result, Optional<ClamdStream.Head> retry) {
    }

    @FunctionalInterface
    private interface Exchange {
        ScanResult run(ClamdSession s, ClamdStream.@Nullable Head replay) throws IOException;
    }
}
