// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.filter.av.Clamd;
import io.moat.milter.protocol.Command;
import io.moat.milter.protocol.Response;
import io.moat.milter.testkit.MilterTestClient;
import io.moat.milter.testkit.TestDaemon;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon in-process with a real clamd, driven over its milter socket like Postfix, then
 * scraped over HTTP like Prometheus: each counter moves by exactly what was sent.
 */
class MetricsDaemonTest {
    static final String GTUBE_MESSAGE = "From: a@example.org\r\nTo: b@example.net\r\n"
            + "Subject: test\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <g1@example.org>\r\n\r\n"
            + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";
    static final String EICAR_MESSAGE = "From: a@example.org\r\nTo: b@example.net\r\n"
            + "Subject: test\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <v1@example.org>\r\n\r\n"
            + new String(Clamd.eicar(), StandardCharsets.US_ASCII) + "\r\n";

    @TempDir
    static Path dir;
    static Clamd clamd;
    static TestDaemon daemon;

    @BeforeAll
    static void start() throws Exception {
        clamd = Clamd.start(Files.createDirectories(dir.resolve("clamd")), "10M");
        Path clamdSocket = ((io.moat.milter.filter.av.ClamdEndpoint.Unix) clamd.unix()).path();
        daemon = TestDaemon.start(Files.createDirectories(dir.resolve("daemon")), """
                metrics:
                  listen: "127.0.0.1:0"
                antivirus:
                  engines: ["unix:%s"]
                """.formatted(clamdSocket));
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    static InetSocketAddress metrics() {
        return daemon.daemon().metricsAddress().orElseThrow();
    }

    static Response lastReply(List<Response> replies) {
        return replies.get(replies.size() - 1);
    }

    @Test
    void countersMoveByExactlyWhatWasSent() throws Exception {
        Scrape before = Scrape.of(metrics());
        try (MilterTestClient mta = daemon.connect()) {
            mta.negotiate(MilterTestClient.POSTFIX_OFFER);
            mta.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25000, "192.0.2.9"));
            assertThat(lastReply(mta.sendMessage("<a@example.org>", "<b@example.net>", "4CLEAN",
                    MilterTestClient.ORDINARY_MESSAGE))).isEqualTo(new Response.Continue());
            assertThat(lastReply(mta.sendMessage("<a@example.org>", "<b@example.net>", "4GTUBE", GTUBE_MESSAGE)))
                    .isInstanceOfSatisfying(Response.ReplyCode.class, r -> assertThat(r.reply()).startsWith("550"));
        }
        try (MilterTestClient mta = daemon.connect()) {
            mta.negotiate(MilterTestClient.POSTFIX_OFFER);
            mta.last(new Command.Connect("c.example.org", Command.Family.SMFIA_INET, 25001, "192.0.2.9"));
            assertThat(lastReply(mta.sendMessage("<a@example.org>", "<b@example.net>", "4VIRUS", EICAR_MESSAGE)))
                    .isInstanceOfSatisfying(Response.ReplyCode.class, r -> assertThat(r.reply()).startsWith("550"));
        }
        assertThat(daemon.daemon().server().awaitIdle(Duration.ofSeconds(10))).isTrue();
        Scrape after = Scrape.of(metrics());

        assertThat(delta(before, after, "moat_messages_total", "action", "deliver", "classification", "clean")).isEqualTo(1);
        assertThat(delta(before, after, "moat_messages_total", "action", "reject", "classification", "spam")).isEqualTo(1);
        assertThat(delta(before, after, "moat_messages_total", "action", "reject", "classification", "virus")).isEqualTo(1);
        assertThat(delta(before, after, "moat_recipients_total", "action", "reject", "classification", "virus")).isEqualTo(1);
        assertThat(delta(before, after, "moat_messages_total", "action", "deliver", "classification", "spam")).isZero();
        assertThat(delta(before, after, "moat_message_filter_seconds_count")).isEqualTo(3);
        assertThat(delta(before, after, "moat_antivirus_scans_total", "result", "clean")).isEqualTo(2);
        assertThat(delta(before, after, "moat_antivirus_scans_total", "result", "infected")).isEqualTo(1);
        assertThat(delta(before, after, "moat_antivirus_scans_total", "result", "unavailable")).isZero();
        assertThat(delta(before, after, "moat_antivirus_fail_open_total")).isZero();
        assertThat(delta(before, after, "moat_connections_accepted_total")).isEqualTo(2);
        assertThat(delta(before, after, "moat_connections_refused_total")).isZero();
        assertThat(after.value("moat_connections_open")).isZero();
    }

    @Test
    void jvmMemoryThreadsAndGcAreExported() throws Exception {
        Scrape s = Scrape.of(metrics());
        assertThat(s.has("jvm_memory_used_bytes")).isTrue();
        assertThat(s.has("jvm_threads_live_threads")).isTrue();
        assertThat(s.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
        assertThat(s.has("process_uptime_seconds")).isTrue();
    }

    @Test
    void anOpenConnectionIsCountedWhileItLasts() throws Exception {
        try (MilterTestClient mta = daemon.connect()) {
            mta.negotiate(MilterTestClient.POSTFIX_OFFER);
            assertThat(Scrape.of(metrics()).value("moat_connections_open")).isEqualTo(1);
        }
    }

    static double delta(Scrape before, Scrape after, String metric, String... labels) {
        return after.value(metric, labels) - before.value(metric, labels);
    }

    /** Whether something accepts TCP connections on loopback {@code port}. */
    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
