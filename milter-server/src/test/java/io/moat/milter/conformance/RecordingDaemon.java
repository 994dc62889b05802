// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import io.moat.milter.Daemon;
import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.record.MessageRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real daemon, built in-process by {@link Daemon#start} from a YAML config file read by
 * {@link ConfigLoader}, listening on a free loopback port and a unix socket, with a recorder
 * that keeps every {@link MessageRecord} for the test to inspect.
 */
final class RecordingDaemon implements AutoCloseable {
    private final Daemon daemon;
    private final Path unixSocket;
    private final List<MessageRecord> records;

    private RecordingDaemon(Daemon daemon, Path unixSocket, List<MessageRecord> records) {
        this.daemon = daemon;
        this.unixSocket = unixSocket;
        this.records = records;
    }

    /** Starts a daemon whose config is {@code yaml} plus the listeners, written to {@code dir/moat.yml}. */
    static RecordingDaemon start(Path dir, String yaml) throws IOException, ConfigException {
        Path socket = dir.resolve("moat.sock");
        Path file = dir.resolve("moat.yml");
        Files.writeString(file, yaml + "\nlisten:\n  - inet:127.0.0.1:0\n  - unix:" + socket + "\n"
                + "shutdown:\n  grace: 2s\n");
        var config = new ConfigLoader("mx.conformance.test", dir.resolve("spool")).load(file);
        List<MessageRecord> records = new CopyOnWriteArrayList<>();
        Daemon daemon = Daemon.start(config, Clock.systemUTC(), System::nanoTime, records::add);
        return new RecordingDaemon(daemon, socket, records);
    }

    /** Where miltertest reaches the daemon over TCP. */
    String inet() {
        for (SocketAddress a : daemon.boundAddresses()) {
            if (a instanceof InetSocketAddress inet) {
                return Miltertest.inet(inet.getPort());
            }
        }
        throw new IllegalStateException("no TCP listener in " + daemon.boundAddresses());
    }

    /** Where miltertest reaches the daemon over its unix socket. */
    String unix() {
        return Miltertest.unix(unixSocket);
    }

    /** The messages recorded since the last {@link #forget()}, in the order they ended. */
    List<MessageRecord> records() {
        return List.copyOf(records);
    }

    void forget() {
        records.clear();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
