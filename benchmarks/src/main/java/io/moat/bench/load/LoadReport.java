// SPDX-License-Identifier: Apache-2.0
package io.moat.bench.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one run, printed as a table for people or as one JSON object for scripts.
 *
 * @param daemonCpu  CPU time the daemon used in the measured window, null when no PID was given
 * @param loadCpu    CPU time this generator used in the measured window
 * @param hostCpu    CPU time the whole machine was busy in the measured window
 * @param cores      the machine's cores, shared by the daemon, the generator and anything else
 * @param gc         the daemon's GC log summary, null when no log was given
 */
public record LoadReport(LoadSettings settings, int corpusMessages, double meanMessageBytes, Tally tally,
                         double seconds, @Nullable Duration daemonCpu, Duration loadCpu, Duration hostCpu, int cores,
                         @Nullable GcLog gc) {

    public double messagesPerSecond() {
        return seconds > 0 ? tally.messages / seconds : 0;
    }

    private Map<String, Object> figures() {
        Histogram h = tally.latencyMicros;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("connections", settings.connections());
        f.put("messages_per_connection", settings.messagesPerConnection());
        f.put("corpus_messages", corpusMessages);
        f.put("mean_message_bytes", Math.round(meanMessageBytes));
        f.put("measured_seconds", round(seconds));
        f.put("messages", tally.messages);
        f.put("messages_per_second", round(messagesPerSecond()));
        f.put("latency_p50_ms", ms(h.getValueAtPercentile(50)));
        f.put("latency_p99_ms", ms(h.getValueAtPercentile(99)));
        f.put("latency_p999_ms", ms(h.getValueAtPercentile(99.9)));
        f.put("latency_max_ms", ms(h.getMaxValue()));
        f.put("latency_mean_ms", round(h.getMean() / 1000.0));
        f.put("milter_connections", tally.connections);
        f.put("errors", tally.errors);
        f.put("replies", replies());
        if (daemonCpu != null) {
            f.put("daemon_cpu_percent", round(100.0 * daemonCpu.toNanos() / 1e9 / seconds));
            f.put("daemon_cpu_us_per_message", round(daemonCpu.toNanos() / 1e3 / Math.max(1, tally.messages)));
        }
        f.put("generator_cpu_percent", round(100.0 * loadCpu.toNanos() / 1e9 / seconds));
        f.put("cores", cores);
        if (daemonCpu != null && !hostCpu.isZero()) {
            Duration others = hostCpu.minus(daemonCpu).minus(loadCpu);
            f.put("other_processes_cpu_percent", round(Math.max(0, 100.0 * others.toNanos() / 1e9 / seconds)));
        }
        if (gc != null) {
            f.put("daemon_gc_collections", gc.collections());
            f.put("daemon_full_gc_collections", gc.fullCollections());
            f.put("daemon_heap_max_after_gc_mb", round(gc.maxAfterBytes() / 1048576.0));
            f.put("daemon_heap_max_after_full_gc_mb", round(gc.maxAfterFullBytes() / 1048576.0));
            f.put("daemon_heap_after_last_gc_mb", round(gc.lastAfterBytes() / 1048576.0));
            f.put("daemon_heap_max_before_gc_mb", round(gc.maxBeforeBytes() / 1048576.0));
            f.put("daemon_heap_max_committed_mb", round(gc.maxCommittedBytes() / 1048576.0));
            f.put("daemon_gc_pause_max_ms", round(gc.maxPauseMillis()));
            f.put("daemon_gc_pause_total_ms", round(gc.totalPauseMillis()));
        }
        return f;
    }

    private String replies() {
        StringJoiner j = new StringJoiner(" ");
        for (int c = 0; c < tally.replies.length; c++) {
            if (tally.replies[c] > 0) {
                j.add((char) c + "=" + tally.replies[c]);
            }
        }
        return j.toString();
    }

    public String table() {
        StringBuilder b = new StringBuilder();
        figures().forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-30s %s%n", k, v)));
        if (tally.errors > 0) {
            b.append(String.format(Locale.ROOT, "%-30s %s%n", "first_error", tally.firstError));
        }
        return b.toString();
    }

    public String json() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        figures().forEach((k, v) -> j.add("\"" + k + "\": " + (v instanceof String s ? quote(s) : v)));
        if (tally.errors > 0) {
            j.add("\"first_error\": " + quote(tally.firstError));
        }
        return j.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"";
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
