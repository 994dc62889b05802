// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.conformance;

import io.moat.milter.Daemon;
import io.moat.milter.config.ConfigException;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.testkit.EveryStepAnswered;
import io.moat.milter.record.MessageRecord;
import io.moat.store.Actor;
import io.moat.store.Domain;
import io.moat.store.PolicyKey;
import io.moat.store.QuarantineQuery;
import io.moat.store.QuarantinedMessage;
import io.moat.store.Store;
import io.moat.store.StoreConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The real daemon, built in-process by {@link Daemon#start} from a YAML config file read by
 * {@link ConfigLoader}, listening on a free loopback port and a unix socket, with a recorder
 * that keeps every {@link MessageRecord} for the test to inspect. With a store (a SQLite file
 * in the test's directory) it can quarantine; without one a quarantine verdict is deferred.
 */
final class RecordingDaemon implements AutoCloseable {
    private final Daemon daemon;
    private final Path unixSocket;
    private final List<MessageRecord> records;
    private final @Nullable Store store;

    private RecordingDaemon(Daemon daemon, Path unixSocket, List<MessageRecord> records, @Nullable Store store) {
        this.daemon = daemon;
        this.unixSocket = unixSocket;
        this.records = records;
        this.store = store;
    }

    /** Starts a daemon without a store, whose config is {@code yaml} plus the listeners. */
    static RecordingDaemon start(Path dir, String yaml) throws IOException, ConfigException {
        return start(dir, yaml, false);
    }

    /** Starts a daemon on a SQLite store in {@code dir}, so quarantine works. */
    static RecordingDaemon startWithStore(Path dir, String yaml) throws IOException, ConfigException {
        return start(dir, yaml, true);
    }

    private static RecordingDaemon start(Path dir, String yaml, boolean withStore) throws IOException, ConfigException {
        Path socket = dir.resolve("moat.sock");
        String url = "jdbc:sqlite:" + dir.resolve("moat.db");
        Path file = dir.resolve("moat.yml");
        Files.writeString(file, EveryStepAnswered.pin(yaml) + "\nlisten:\n  - inet:127.0.0.1:0\n  - unix:" + socket + "\n"
                + "shutdown:\n  grace: 2s\nstore:\n  url: " + url + "\n");
        MoatConfig config = new ConfigLoader("mx.conformance.test", dir.resolve("spool")).load(file);
        List<MessageRecord> records = new CopyOnWriteArrayList<>();
        Store store = withStore ? Store.open(StoreConfig.of(url), Clock.systemUTC()) : null;
        Daemon daemon = store != null
                ? Daemon.start(config, store, Clock.systemUTC(), System::nanoTime, records::add)
                : Daemon.start(config, Clock.systemUTC(), System::nanoTime, records::add);
        return new RecordingDaemon(daemon, socket, records, store);
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

    Path unixSocket() {
        return unixSocket;
    }

    /** The messages recorded since the last {@link #forget()}, in the order they ended. */
    List<MessageRecord> records() {
        return List.copyOf(records);
    }

    /** The queue ids of the messages in the store's quarantine, newest first as the store lists them. */
    List<String> quarantinedQueueIds() {
        if (store == null) {
            return List.of();
        }
        return store.quarantine().list(new QuarantineQuery(null, null, null, null, null, true, 100)).stream()
                .map(QuarantinedMessage::queueId).toList();
    }

    /** Adds a domain and sets one of its policy keys in the store, as the {@code moat} CLI does. */
    void setDomainPolicy(String domain, PolicyKey key, String value) {
        if (store == null) {
            throw new IllegalStateException("this daemon has no store");
        }
        Actor actor = new Actor("conformance-test", "localhost");
        if (store.domains().find(domain).isEmpty()) {
            store.domains().put(new Domain(domain, null, false, null), actor);
        }
        store.policies().set(domain, key, value, actor);
    }

    void forget() {
        records.clear();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
