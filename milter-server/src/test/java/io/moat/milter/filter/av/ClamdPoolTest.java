// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The session pool against a real clamd (see {@link Clamd}): reuse, bounds, and clamd going away. */
class ClamdPoolTest {
    private static final ScanResult EICAR = new ScanResult.Infected(Clamd.EICAR_NAME);
    private static final ScanResult CUSTOM = new ScanResult.Infected(Clamd.CUSTOM_NAME);

    @TempDir
    Path dir;

    private static ClamdEndpoint endpoint(Clamd clamd, String kind) {
        return kind.equals("tcp") ? clamd.tcp() : clamd.unix();
    }

    private static ClamdSettings settings(Duration scanTimeout, int connections) {
        return new ClamdSettings(Duration.ofSeconds(2), scanTimeout, 1 << 20, connections);
    }

    private static ScanResult scan(ClamdClient c, byte[] content) throws Exception {
        return c.scan(new ByteArrayInputStream(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void sequentialScansShareOneConnectionAndFindEicarOnAReusedOne(String kind) throws Exception {
        try (Clamd clamd = Clamd.start(dir, "1M");
             ClamdClient c = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofSeconds(10), 4))) {
            for (int i = 0; i < 60; i++) {
                assertThat(scan(c, "hello\n".repeat(i * 100).getBytes())).isEqualTo(ScanResult.CLEAN);
                assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
                assertThat(scan(c, Clamd.CUSTOM)).isEqualTo(CUSTOM);
            }
            assertThat(c.ping()).isTrue();

            assertThat(c.connectionsOpened()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void concurrentScansStayWithinTheBoundAndNeverMixReplies(String kind) throws Exception {
        byte[][] contents = {"clean text\n".repeat(500).getBytes(), Clamd.eicar(), Clamd.CUSTOM, new byte[200_000]};
        ScanResult[] expected = {ScanResult.CLEAN, EICAR, CUSTOM, ScanResult.CLEAN};
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        try (Clamd clamd = Clamd.start(dir, "1M");
             ClamdClient c = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofSeconds(20), 3))) {
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 40; t++) {
                    int seed = t;
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            int k = (seed + i) % contents.length;
                            ScanResult r = scan(c, contents[k]);
                            if (!r.equals(expected[k])) {
                                wrong.add("content " + k + " -> " + r);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }

            assertThat(wrong).isEmpty();
            assertThat(c.connectionsOpened()).isBetween(1L, 3L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void aPooledConnectionFromBeforeARestartIsReplacedAndTheScanSucceeds(String kind) throws Exception {
        try (Clamd clamd = Clamd.start(dir, "1M");
             ClamdClient c = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofSeconds(10), 2))) {
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            clamd.restart();

            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            assertThat(c.connectionsOpened()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void aKilledClamdIsUnavailable(String kind) throws Exception {
        try (Clamd clamd = Clamd.start(dir, "1M");
             ClamdClient c = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofSeconds(10), 2))) {
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            clamd.kill();

            assertThat(scan(c, Clamd.eicar())).isInstanceOfSatisfying(ScanResult.Failed.class,
                    f -> assertThat(f.cause()).isEqualTo(ScanResult.Cause.UNAVAILABLE));
            assertThat(c.idleConnections()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void aHungClamdTimesOutWithinTheScanTimeoutAndItsConnectionIsNotReused(String kind) throws Exception {
        try (Clamd clamd = Clamd.start(dir, "1M");
             ClamdClient c = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofMillis(700), 2))) {
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            clamd.signal("STOP");
            long start = System.nanoTime();
            ScanResult r;
            try {
                r = scan(c, Clamd.eicar());
            } finally {
                clamd.signal("CONT");
            }
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(r).isInstanceOfSatisfying(ScanResult.Failed.class,
                    f -> assertThat(f.cause()).isEqualTo(ScanResult.Cause.TIMEOUT));
            assertThat(ms).isBetween(650L, 2500L);
            assertThat(c.idleConnections()).isZero();
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            assertThat(c.connectionsOpened()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void anIdleConnectionOlderThanTheLimitIsClosedInsteadOfReused(String kind) throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T04:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (Clamd clamd = Clamd.start(dir, "1M");
             ClamdClient c = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofSeconds(10), 2), clock,
                     Duration.ofSeconds(10))) {
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            now.set(now.get().plusSeconds(9));
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            assertThat(c.connectionsOpened()).isEqualTo(1);
            now.set(now.get().plusSeconds(10));

            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            assertThat(c.connectionsOpened()).isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void aReusedConnectionThatDiesBeforeClamdAnswersIsRetriedOnceOnANewOne() throws Exception {
        try (Clamd clamd = Clamd.start(dir, "1M");
             CuttingProxy proxy = new CuttingProxy(((ClamdEndpoint.Tcp) clamd.tcp()).port());
             ClamdClient c = new ClamdClient(proxy.endpoint(), settings(Duration.ofSeconds(10), 2))) {
            assertThat(scan(c, "first\n".getBytes())).isEqualTo(ScanResult.CLEAN);
            proxy.dropOnNextCommand();

            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            assertThat(c.connectionsOpened()).isEqualTo(2);
            assertThat(scan(c, Clamd.CUSTOM)).isEqualTo(CUSTOM);
            assertThat(c.connectionsOpened()).isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void aConnectionThatDiesAfterClamdBeganToAnswerIsNotRetried() throws Exception {
        try (Clamd clamd = Clamd.start(dir, "1M");
             CuttingProxy proxy = new CuttingProxy(((ClamdEndpoint.Tcp) clamd.tcp()).port());
             ClamdClient c = new ClamdClient(proxy.endpoint(), settings(Duration.ofSeconds(10), 2))) {
            assertThat(scan(c, "first\n".getBytes())).isEqualTo(ScanResult.CLEAN);
            proxy.cutAfterFirstReplyByte();

            assertThat(scan(c, Clamd.eicar())).isInstanceOfSatisfying(ScanResult.Failed.class,
                    f -> assertThat(f.cause()).isIn(ScanResult.Cause.UNAVAILABLE, ScanResult.Cause.ERROR));
            assertThat(c.connectionsOpened()).isEqualTo(1);
            assertThat(c.idleConnections()).isZero();
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void closeEndsTheIdleSessions(String kind) throws Exception {
        try (Clamd clamd = Clamd.start(dir, "1M")) {
            ClamdClient c = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofSeconds(10), 2));
            assertThat(scan(c, Clamd.eicar())).isEqualTo(EICAR);
            assertThat(c.idleConnections()).isEqualTo(1);

            c.close();

            assertThat(c.idleConnections()).isZero();
            try (ClamdClient other = new ClamdClient(endpoint(clamd, kind), settings(Duration.ofSeconds(10), 2))) {
                assertThat(other.ping()).isTrue();
            }
        }
    }
}
