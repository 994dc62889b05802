// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.testkit;

import io.moat.milter.Daemon;
import io.moat.milter.config.ConfigLoader;
import io.moat.milter.config.MoatConfig;
import io.moat.milter.record.MessageRecord;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The real daemon, wired by {@link Daemon#start}, listening on a free loopback port and keeping
 * the records of the messages it saw. Configured with moat.yml text, as an admin would.
 */
public final class TestDaemon implements Closeable {
    private final Daemon daemon;
    private final List<MessageRecord> records;

    private TestDaemon(Daemon daemon, List<MessageRecord> records) {
        this.daemon = daemon;
        this.records = records;
    }

    /**
     * Starts with {@code listen: inet:127.0.0.1:0} (unless the YAML says where), metrics off (unless the YAML has a
     * {@code metrics:} section), the bundled rules only and an untrained
     * statistical filter, plus the given YAML; spool files go to {@code dir}.
     */
    public static TestDaemon start(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("moat.yml");
        // The bundled rules, and nothing from the machine's /etc/moat or /var/lib/moat.
        String listen = Pattern.compile("(?m)^listen:").matcher(yaml).find() ? "" : "listen: [\"inet:127.0.0.1:0\"]\n";
        // No metrics endpoint on the shared default port unless the test asks for one.
        String metrics = Pattern.compile("(?m)^metrics:").matcher(yaml).find() ? "" : "metrics:\n  enabled: false\n";
        Files.writeString(file, listen + metrics + "rules:\n  paths: []\nbayes:\n  state: none\n" + EveryStepAnswered.pin(yaml));
        MoatConfig config = new ConfigLoader("gw.test", dir.resolve("spool")).load(file);
        return start(config);
    }

    public static TestDaemon start(MoatConfig config) throws IOException {
        List<MessageRecord> records = new CopyOnWriteArrayList<>();
        Daemon d = Daemon.start(config, Clock.systemUTC(), System::nanoTime, records::add);
        return new TestDaemon(d, records);
    }

    public SocketAddress address() {
        return daemon.boundAddresses().get(0);
    }

    public MilterTestClient connect() throws IOException {
        return MilterTestClient.connect(address());
    }

    public Daemon daemon() {
        return daemon;
    }

    public List<MessageRecord> records() {
        return records;
    }

    @Override
    public void close() {
        daemon.close();
    }
}
