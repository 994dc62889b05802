// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import io.moat.milter.engine.MilterSession;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.CommandDecoder;
import io.moat.milter.protocol.Frame;
import io.moat.milter.protocol.FrameReader;
import io.moat.milter.protocol.FrameWriter;
import io.moat.milter.protocol.ProtocolException;
import io.moat.milter.protocol.Response;
import io.moat.milter.protocol.ResponseEncoder;
import io.moat.milter.session.SessionState;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one MTA connection on its own virtual thread: read a frame, let the session answer,
 * write every reply of that command in one write. While a command runs longer than the progress
 * interval, a PROGRESS reply is sent so the MTA's timeout does not fire. Any failure ends this
 * connection only; Postfix then applies its milter_default_action (tempfail).
 */
final class ConnectionHandler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final byte[] PROGRESS = FrameWriter.toBytes(List.of(ResponseEncoder.encode(new Response.Progress())));

    private final MilterConnection connection;
    private final MilterSession session;
    private final int maxFrameSize;
    private final Duration progressInterval;
    private final Runnable onExit;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final java.util.function.LongSupplier ticker;
    private volatile boolean draining;
    private volatile long busySince;
    private volatile long lastActivity;
    private boolean answered = true;
    private long lastProgress;

    ConnectionHandler(MilterConnection connection, MilterSession session, int maxFrameSize,
            Duration progressInterval, java.util.function.LongSupplier ticker, Runnable onExit) {
        this.connection = connection;
        this.session = session;
        this.maxFrameSize = maxFrameSize;
        this.progressInterval = progressInterval;
        this.ticker = ticker;
        this.onExit = onExit;
        this.lastActivity = ticker.getAsLong();
    }

    /**
     * Closes a connection that has sent nothing for {@code idleNanos} while not working on a
     * command. TCP sockets also have SO_TIMEOUT; unix-socket channels have no read timeout, so
     * this is what ends an abandoned one.
     */
    void closeIfIdle(long now, long idleNanos) {
        if (busySince == 0 && now - lastActivity > idleNanos) {
            LOG.info("conn={} idle for too long, closing", session.id());
            connection.close();
        }
    }

    @Override
    public void run() {
        try (connection; session) {
            serve();
        } catch (ProtocolException e) {
            LOG.warn("conn={} peer={} protocol error, closing: {}", session.id(), connection.peer(), e.getMessage());
        } catch (SocketTimeoutException e) {
            LOG.info("conn={} idle for too long, closing", session.id());
        } catch (IOException e) {
            if (draining) {
                LOG.debug("conn={} closed for shutdown", session.id());
            } else {
                LOG.debug("conn={} peer went away: {}", session.id(), e.toString());
            }
        } catch (RuntimeException | Error e) {
            LOG.error("conn={} internal error, closing: {}", session.id(), e.toString(), e);
        } finally {
            onExit.run();
        }
    }

    private void serve() throws IOException, ProtocolException {
        FrameReader reader = new FrameReader(connection.in(), maxFrameSize);
        Frame frame;
        while ((frame = reader.read()) != null) {
            lastActivity = ticker.getAsLong();
            Command command = CommandDecoder.decode(frame);
            List<Response> replies = handleWithProgress(command);
            write(replies);
            lastActivity = ticker.getAsLong();
            if (session.state() == SessionState.CLOSED || (draining && !session.inMessage())) {
                return;
            }
        }
    }

    private List<Response> handleWithProgress(Command command) throws ProtocolException {
        boolean watched = session.mayTakeLong(command.code());
        if (watched) {
            writeLock.lock();
            try {
                answered = false;
                lastProgress = ticker.getAsLong();
            } finally {
                writeLock.unlock();
            }
            busySince = lastProgress;
        }
        try {
            return session.handle(command);
        } finally {
            if (watched) {
                busySince = 0;
            }
        }
    }

    /**
     * Called by the server's one sweeper, a few times per progress interval: sends PROGRESS when
     * the command in hand has run for an interval since it started or since the last PROGRESS. No
     * timer is armed per command, so fast commands cost nothing here.
     */
    void tick(long now) {
        if (busySince == 0) {
            return;
        }
        writeLock.lock();
        try {
            if (!answered && now - lastProgress >= progressInterval.toNanos()) {
                connection.out().write(PROGRESS);
                connection.out().flush();
                lastProgress = now;
                LOG.debug("conn={} sent PROGRESS", session.id());
            }
        } catch (IOException e) {
            LOG.debug("conn={} could not send PROGRESS: {}", session.id(), e.toString());
        } finally {
            writeLock.unlock();
        }
    }

    private void write(List<Response> replies) throws IOException {
        List<Frame> frames = new ArrayList<>(replies.size());
        for (Response r : replies) {
            frames.add(ResponseEncoder.encode(r));
        }
        writeLock.lock();
        try {
            answered = true;
            if (!frames.isEmpty()) {
                connection.out().write(FrameWriter.toBytes(frames));
                connection.out().flush();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Asks the connection to end at the next message boundary; closes it now if idle. */
    void drain() {
        draining = true;
        if (!session.inMessage()) {
            connection.close();
        }
    }

    /** Ends the connection now, whatever it is doing. */
    void kill() {
        connection.close();
    }

    @Nullable String id() {
        return session.id();
    }
}
