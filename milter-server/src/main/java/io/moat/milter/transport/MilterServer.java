// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import io.moat.milter.engine.EngineSettings;
import io.moat.milter.engine.MilterSession;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts MTA connections on TCP and unix sockets and serves each on a virtual thread. A
 * semaphore bounds connections: past the limit a connection is closed at once, so Postfix applies
 * its default action (tempfail) instead of waiting for a timeout. Shutdown stops accepting, lets
 * messages in flight finish, then closes what is left.
 */
public final class MilterServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(MilterServer.class);

    private final ServerSettings settings;
    private final EngineSettings engine;
    private final EngineSettings unixEngine;
    private final Semaphore permits;
    private final Set<ConnectionHandler> live = ConcurrentHashMap.newKeySet();
    private final List<Closeable> sockets = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private final List<SocketAddress> bound = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean stopping;

    public MilterServer(ServerSettings settings, EngineSettings engine) {
        this(settings, engine, engine);
    }

    /** With other engine settings (a negotiator asking for fewer replies, say) for unix-socket connections. */
    public MilterServer(ServerSettings settings, EngineSettings engine, EngineSettings unixEngine) {
        this.settings = settings;
        this.engine = engine;
        this.unixEngine = unixEngine;
        this.permits = new Semaphore(settings.maxConnections());
        ScheduledThreadPoolExecutor progress = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("moat-progress").factory());
        // One sweeper for all connections, a few times per interval: PROGRESS for long commands and
        // the idle timeout for connections (unix-socket channels have no read timeout); nothing is
        // armed per command.
        long period = Math.max(1, Math.min(Math.min(settings.progressInterval().toMillis(), settings.idleTimeout().toMillis()) / 4, 1000));
        progress.scheduleAtFixedRate(() -> {
            long now = engine.ticker().getAsLong();
            long idle = settings.idleTimeout().toNanos();
            live.forEach(h -> {
                h.tick(now);
                h.closeIfIdle(now, idle);
            });
        }, period, period, TimeUnit.MILLISECONDS);
        this.timer = progress;
    }

    /** Binds every listener; throws with the address named when one cannot be bound. */
    public void start(List<ListenAddress> addresses) throws IOException {
        for (ListenAddress a : addresses) {
            switch (a) {
                case ListenAddress.Inet inet -> startInet(inet);
                case ListenAddress.Unix unix -> startUnix(unix);
            }
        }
    }

    /** The addresses actually bound (with the real port when 0 was asked for). */
    public List<SocketAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    private void startInet(ListenAddress.Inet a) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        try {
            ss.bind(new InetSocketAddress(a.address(), a.port()), settings.backlog());
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen on " + a + ": " + e.getMessage(), e);
        }
        sockets.add(ss);
        bound.add(ss.getLocalSocketAddress());
        LOG.info("listening on {}", a.port() == 0 ? "inet:" + ss.getLocalSocketAddress() : a);
        acceptors.add(Thread.ofPlatform().name("moat-accept-" + a).start(() -> acceptInet(ss)));
    }

    private void startUnix(ListenAddress.Unix a) throws IOException {
        Path path = a.path();
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            UnixSocketFile.clearStale(path);
            ch.bind(UnixDomainSocketAddress.of(path), settings.backlog());
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(settings.unixSocketMode()));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot listen on " + a + ": " + e.getMessage(), e);
        }
        sockets.add(ch);
        bound.add(ch.getLocalAddress());
        LOG.info("listening on {}", a);
        acceptors.add(Thread.ofPlatform().name("moat-accept-" + a).start(() -> acceptUnix(ch, path)));
    }

        private void acceptInet(ServerSocket ss) {
        while (!stopping) {
            try {
                Socket s = ss.accept();
                // Socket timeouts are int milliseconds; a longer idle timeout must not wrap negative.
                admit(MilterConnection.of(s, (int) Math.min(settings.idleTimeout().toMillis(), Integer.MAX_VALUE),
                        engine.negotiator().asksNoReply()), engine);
            } catch (IOException e) {
                if (!stopping) {
                    LOG.warn("accept failed on {}: {}", ss.getLocalSocketAddress(), e.toString());
                }
            }
        }
    }

    private void acceptUnix(ServerSocketChannel ch, Path path) {
        while (!stopping) {
            try {
                SocketChannel s = ch.accept();
                admit(MilterConnection.of(s), unixEngine);
            } catch (IOException e) {
                if (!stopping) {
                    LOG.warn("accept failed on unix:{}: {}", path, e.toString());
                }
            }
        }
    }

    private void admit(MilterConnection c, EngineSettings engine) {
        if (stopping || !permits.tryAcquire()) {
            refused.incrementAndGet();
            LOG.warn("refusing connection from {}: {}", c.peer(),
                    stopping ? "shutting down" : "limit of " + settings.maxConnections() + " connections reached");
            c.close();
            return;
        }
        String id = Long.toString(ids.incrementAndGet(), 36);
        MilterSession session = new MilterSession(id, engine);
        ConnectionHandler[] self = new ConnectionHandler[1];
        self[0] = new ConnectionHandler(c, session, settings.maxFrameSize(), settings.progressInterval(), engine.ticker(), () -> {
            live.remove(self[0]);
            permits.release();
        });
        live.add(self[0]);
        Thread.ofVirtual().name("moat-conn-" + id).start(self[0]);
    }

    /** How many connections are being served now. */
    public int activeConnections() {
        return live.size();
    }

    /** How many connections were accepted and served since the start (refused ones not counted): a metric. */
    public long acceptedConnections() {
        return ids.get();
    }

    /** How many connections were closed at once, at the connection limit or while shutting down: a metric. */
    public long refusedConnections() {
        return refused.get();
    }

    /**
     * Stops accepting, lets messages in flight finish for up to {@code grace}, then closes the rest.
     * Returns true when every connection ended within the grace period.
     */
    public boolean shutdown(Duration grace) {
        stopping = true;
        for (Closeable s : sockets) {
            closeQuietly(s);
        }
        live.forEach(ConnectionHandler::drain);
        long deadline = engine.ticker().getAsLong() + grace.toNanos();
        while (!live.isEmpty() && engine.ticker().getAsLong() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean clean = live.isEmpty();
        if (!clean) {
            LOG.warn("{} connections still busy after {}; closing them (Postfix will tempfail those messages)", live.size(), grace);
            live.forEach(ConnectionHandler::kill);
        }
        for (Thread t : acceptors) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        for (SocketAddress a : bound) {
            if (a instanceof UnixDomainSocketAddress u) {
                try {
                    Files.deleteIfExists(u.getPath());
                } catch (IOException e) {
                    LOG.warn("could not remove socket {}: {}", u.getPath(), e.toString());
                }
            }
        }
        return clean;
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    /** Waits until no connection is served, or the timeout passes; for tests. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!live.isEmpty() && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return live.isEmpty();
    }
}
